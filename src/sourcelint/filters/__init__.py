"""What happens to findings after the checks: selection, inline suppressions, baseline."""
