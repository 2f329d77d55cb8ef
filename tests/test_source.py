"""Bad input is refused with a message that names the file."""

from __future__ import annotations

import pytest

from sourcelint.core.errors import InputError
from sourcelint.core.files import read_text


def test_reads_utf8_with_and_without_bom(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_bytes("Café said.".encode())
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + "Café said.".encode())
    assert read_text(plain) == read_text(bom) == "Café said."


def test_crlf_is_kept_as_written(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one\r\ntwo\r\n")
    assert read_text(path) == "one\r\ntwo\r\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"caf\xe9 said", "not valid UTF-8: byte 0xe9 at offset 3 (line 1)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"\xff\xfeh\x00i\x00", "UTF-16"),
    ],
)
def test_undecodable_files_name_the_file(tmp_path, content, expected):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_text(path, "drafts/bad.txt")
    assert "drafts/bad.txt" in str(caught.value)
    assert expected in str(caught.value)
    assert caught.value.render().startswith("error[E201]: drafts/bad.txt:")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "absent.md")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(InputError, match="over the 1,024-byte limit"):
        read_text(path, max_bytes=1024)
