"""The records every stage shares: findings, positions, documents, errors, results."""
