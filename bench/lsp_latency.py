"""Time from the last change of a 2,000-word draft to its diagnostics in `sourcelint lsp`
(run: python bench/lsp_latency.py [--pipeline parse]).

The time includes the debounce (``DEBOUNCE_SECONDS``), because a writer waits that long
too. It drives the server over stdio with pytest-lsp's client, as tests/test_lsp.py does.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient, make_test_lsp_client

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "iran-russia-assad.txt"
WORDS = 2_000
EDITS = 10
TIMEOUT = 120


def draft() -> str:
    """The seed article repeated up to about ``WORDS`` words."""
    words = SEED.read_text(encoding="utf-8").split(" ")
    repeated = (words * (WORDS // len(words) + 1))[:WORDS]
    return " ".join(repeated)


async def diagnostics_of(client: LanguageClient, uri: str, version: int) -> float:
    """Wait for ``version``'s diagnostics; the time they arrived."""
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri and params.version == version:
            return time.perf_counter()


async def main(pipeline: str) -> None:
    client = make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "sourcelint", "lsp", "--pipeline", pipeline)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.md"
        await client.initialize_session(
            types.InitializeParams(capabilities=types.ClientCapabilities())
        )
        text = draft()
        uri = path.as_uri()
        started = time.perf_counter()
        waiting = asyncio.ensure_future(diagnostics_of(client, uri, 1))
        await asyncio.sleep(0)  # register the wait before the open can be answered
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="markdown", version=1, text=text
                )
            )
        )
        first = await asyncio.wait_for(waiting, TIMEOUT) - started
        latencies = []
        for version in range(2, EDITS + 2):
            text = f"Edit {version}. " + text
            waiting = asyncio.ensure_future(diagnostics_of(client, uri, version))
            await asyncio.sleep(0)
            changed = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
                )
            )
            latencies.append(await asyncio.wait_for(waiting, TIMEOUT) - changed)
        await client.shutdown_session()
    await client.stop()
    print(f"pipeline {pipeline}, {len(text.split())} words")
    print(f"  open -> diagnostics (rules built, model loaded): {first * 1000:.0f} ms")
    print(
        f"  last change -> diagnostics, median of {EDITS} (debounce included): "
        f"{statistics.median(latencies) * 1000:.0f} ms (max {max(latencies) * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", choices=["fast", "parse"], default="fast")
    asyncio.run(main(parser.parse_args().pipeline))
