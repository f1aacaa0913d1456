"""The judged sample files of tests/audit/: tab-separated rows under `#` header notes and one
line of column names; `start` and `end`, where a file has them, are byte offsets (ints)."""
import os
import sys


def read_rows(path, columns, tool, missing_ok=False):
    """The rows of @p path as dicts; exits naming @p tool when the columns are not @p columns."""
    rows = []
    if missing_ok and not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if header != columns:
                    sys.exit(f"{tool}: {path}: columns {header}, expected {columns}")
                continue
            cells += [""] * (len(columns) - len(cells))
            row = dict(zip(columns, cells))
            for key in ("start", "end"):
                if key in row:
                    row[key] = int(row[key])
            rows.append(row)
    return rows


def write_rows(path, header_notes, columns, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header_notes)
        f.write("\t".join(columns) + "\n")
        for r in rows:
            f.write("\t".join(str(r.get(c, "")) for c in columns) + "\n")
