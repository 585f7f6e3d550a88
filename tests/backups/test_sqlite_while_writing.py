"""The SQLite copy is one consistent snapshot while the application keeps writing:
each write adds a row to two tables in one transaction, so a copy that caught half a
transaction, or missed what was committed to the WAL file, would count them unequal."""

import sqlite3
import threading
from contextlib import closing

from thidua.backups import sqlite


def _database(path):
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE decision (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("CREATE TABLE award (id INTEGER PRIMARY KEY, decision_id INTEGER, body TEXT)")
    db.execute("BEGIN")
    db.executemany("INSERT INTO decision (body) VALUES (?)", [("x" * 400,)] * 5000)
    db.execute("INSERT INTO award (decision_id, body) SELECT id, body FROM decision")
    db.execute("COMMIT")
    return db


def test_the_copy_is_consistent_while_another_connection_writes(tmp_path):
    path = tmp_path / "live.sqlite3"
    _database(path).close()
    committed, stop = [5000], threading.Event()

    def write():
        with closing(sqlite3.connect(path, isolation_level=None, timeout=20)) as db:
            while not stop.is_set():
                db.execute("BEGIN IMMEDIATE")
                decision = db.execute("INSERT INTO decision (body) VALUES ('y')").lastrowid
                db.execute("INSERT INTO award (decision_id, body) VALUES (?, 'y')", (decision,))
                db.execute("COMMIT")
                committed[0] += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        while committed[0] < 5200:  # the writer is well under way
            stop.wait(0.001)
        before = committed[0]
        with closing(sqlite3.connect(path, timeout=20)) as source:
            copy = sqlite.copy(source, tmp_path / "copy.sqlite3")
        after = committed[0]
    finally:
        stop.set()
        writer.join()

    counts = copy.row_counts
    assert counts["decision"] == counts["award"]
    # Every write committed before the copy began is in it; none after it ended.
    assert before <= counts["decision"] <= after + 1
    with closing(sqlite3.connect(copy.path)) as copied:
        assert copied.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copied.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        orphans = copied.execute(
            "SELECT COUNT(*) FROM award LEFT JOIN decision ON decision.id = award.decision_id WHERE decision.id IS NULL"
        ).fetchone()
        assert orphans == (0,)
