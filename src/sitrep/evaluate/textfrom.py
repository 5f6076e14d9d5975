"""Gold annotations of real articles whose text is kept outside the repository.

A real outlet's article may not be copied into the project, but it can be coded: the annotation line
is a gold article (event-record.md §2) whose `text` is replaced by a pointer to the data file that
holds it,

    {"id": "bbc-read-01", "text_from": {"file": "masakhanews-fra/dev.tsv", "row": 2, "sha1": "…"},
     "published": "2022-05-19", "events": [...]}

and joining the pointers to the texts, in a folder such as `../shared/data`, gives a gold file
`sitrep eval` reads like any other. `row` counts the data rows of a MasakhaNEWS TSV file from 0; the
text is the headline, a blank line and the body, as sitrep reads a MasakhaNEWS article; `sha1` is the
SHA-1 of that text, so an annotation is never scored against another version of its article.

    python -m sitrep.evaluate.textfrom eval/gold/real/*.jsonl --texts ../shared/data --out build/gold
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitrep.errors import GoldFormatError
from sitrep.evaluate.gold import json_object
from sitrep.evaluate.newsstream import article_text, read_news_rows


class TextStore:
    """The data files of a texts folder, each read once."""

    def __init__(self, root: Path):
        self.root = root
        self._rows: dict[str, list[dict[str, str]]] = {}

    def text(self, pointer: Any, *, where: str) -> str:
        """The article text `pointer` names, checked against its SHA-1."""
        if not isinstance(pointer, dict) or not {"file", "row", "sha1"} <= pointer.keys():
            raise GoldFormatError(f"{where}: 'text_from' must be an object with 'file', 'row' and 'sha1'")
        name, row = pointer["file"], pointer["row"]
        if not isinstance(name, str) or not name.endswith(".tsv"):
            raise GoldFormatError(f"{where}: text_from file {name!r} is not a MasakhaNEWS .tsv file")
        if isinstance(row, bool) or not isinstance(row, int) or row < 0:
            raise GoldFormatError(f"{where}: text_from row must be a data row number from 0, not {row!r}")
        if name not in self._rows:
            path = self.root / name
            if not path.is_file():
                raise GoldFormatError(f"{where}: the text is in {name}, which is not under {self.root}")
            self._rows[name] = read_news_rows(path)
        rows = self._rows[name]
        if row >= len(rows):
            raise GoldFormatError(f"{where}: {name} has {len(rows)} data rows, no row {row}")
        text = article_text(rows[row])
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != pointer["sha1"]:
            raise GoldFormatError(
                f"{where}: row {row} of {name} is not the article that was coded (SHA-1 differs); "
                "the data file has changed"
            )
        return text


def join_texts(path: Path, store: TextStore) -> list[dict[str, Any]]:
    """The annotation lines of `path` with their texts: gold articles as event-record.md §2 has them."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        data = json_object(line, where=where)
        if "text_from" in data:
            pointer = data.pop("text_from")
            data["text"] = store.text(pointer, where=where)
        out.append(data)
    return out


def write_joined(paths: Iterable[Path], texts: Path, out_dir: Path) -> list[Path]:
    """Join every annotation file to its texts; one gold file of the same name per file in `out_dir`."""
    store = TextStore(texts)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        articles = join_texts(path, store)
        target = out_dir / path.name
        target.write_text(
            "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8"
        )
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("annotations", nargs="+", type=Path, help="annotation JSONL files (text_from lines)")
    parser.add_argument("--texts", type=Path, required=True, help="the folder the text_from files are in")
    parser.add_argument("--out", type=Path, required=True, help="folder for the joined gold files")
    args = parser.parse_args(argv)
    try:
        for target in write_joined(args.annotations, args.texts, args.out):
            print(target)
    except GoldFormatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
