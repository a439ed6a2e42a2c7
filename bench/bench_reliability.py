"""Reliability loops with figures: kill -9 during writes and upgrades, damage, rotation, faults.

Each loop has a bounded count (``--rounds``) and prints tried / survived / lost:

- kill -9 during writes: a child adds members one action at a time and prints each id
  once its session committed; the parent kills it at a random moment, then checks the
  folder opens, passes the full check, and holds every acknowledged member.
- kill -9 during a schema upgrade: a child upgrades the oldest stored schema; killed at a
  random moment, the file must still open and upgrade with its 25 members.
- damage: a 16-byte block of a used database is overwritten at a random offset; the start
  must refuse it (damaged-data incident) or open data that passes the full check, and the
  good backups must all survive 10 starts.
- rotation: 12 starts over a zero-byte database must leave every good backup.
- fault injection: an exception after the n-th statement of the upgrade (every n), and an
  OSError at each file operation of ``members export`` through the command line (the exit
  must be 1 with a Vietnamese message, never a traceback).
- cost of the WAL checkpoint after each action.

Run: ``python3 bench/bench_reliability.py [--rounds 20]``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "fixtures" / "schema"
OLDEST = sorted(FIXTURES.glob("sochibo-*.sqlite3"))[0]

WRITER = """
import sys
sys.path.insert(0, {root!r})
from desktop.services.cell.workspace import Workspace
from desktop.services.members.registry import MemberData, create_member
ws = Workspace({folder!r})
print("ready", flush=True)
n = 0
while True:
    n += 1
    member_id = create_member(ws.db, MemberData(full_name=f"Đảng viên {{n}}"))
    print(member_id, flush=True)
"""

UPGRADER = """
import sys
sys.path.insert(0, {root!r})
from desktop.services.cell.workspace import Workspace
print("go", flush=True)
Workspace({folder!r}).close()
print("done", flush=True)
"""


def _members(folder: Path) -> set[int]:
    from desktop.services.cell.workspace import Workspace

    with Workspace(folder) as ws, ws.db.engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT id FROM member")}


def kill_during_writes(rounds: int, work: Path) -> dict:
    from desktop.storage.health import problems

    tried = survived = lost = acknowledged = 0
    folder = work / "writes"
    for _ in range(rounds):
        tried += 1
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER.format(root=str(ROOT), folder=str(folder))],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert proc.stdout.readline().strip() == "ready"
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
        reader.start()
        time.sleep(random.uniform(0.05, 0.6))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        reader.join(5)
        # Only whole lines count: a line cut by the kill was never acknowledged.
        acked = [int(line) for line in lines if line.endswith("\n") and line.strip().isdigit()]
        acknowledged += len(acked)
        try:
            present = _members(folder)
            ok = not problems(folder / "sochibo.sqlite3", full=True)
        except Exception:  # noqa: BLE001 - a folder that no longer opens is a failure
            present, ok = set(), False
        missing = [a for a in acked if a not in present]
        lost += len(missing)
        survived += int(ok and not missing)
    return {"tried": tried, "survived": survived, "lost": lost, "acknowledged": acknowledged}


def kill_during_upgrade(rounds: int, work: Path) -> dict:
    from desktop.storage.schema import head_revision, stored_revision

    def start(folder: Path) -> subprocess.Popen:
        folder.mkdir()
        shutil.copy(OLDEST, folder / "sochibo.sqlite3")
        proc = subprocess.Popen(
            [sys.executable, "-c", UPGRADER.format(root=str(ROOT), folder=str(folder))],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert proc.stdout.readline().strip() == "go"
        return proc

    calibration = start(work / "upgrade-calibration")
    began = time.perf_counter()
    calibration.wait()
    full = time.perf_counter() - began
    tried = survived = killed_mid = 0
    for index in range(rounds):
        tried += 1
        folder = work / f"upgrade-{index}"
        proc = start(folder)
        time.sleep(random.uniform(0, full))  # somewhere inside the upgrade itself
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed_mid += 1
        proc.wait()
        try:
            count = len(_members(folder))
            ok = count == 25 and stored_revision(folder / "sochibo.sqlite3") == head_revision()
        except Exception:  # noqa: BLE001
            ok = False
        survived += int(ok)
    return {"tried": tried, "killed_before_end": killed_mid, "upgrade_s": round(full, 2),
            "survived": survived,
            "lost": tried - survived}  # fmt: skip


def _used_folder(folder: Path) -> Path:
    from desktop.services.cell.workspace import Workspace
    from desktop.services.demo.builder import load_demo

    with Workspace(folder) as ws:
        load_demo(ws.db)
    for _ in range(3):
        Workspace(folder, backup_on_open=True).close()
    return folder


def damage(rounds: int, work: Path) -> dict:
    from desktop.services.cell.workspace import DataIncidentError, Workspace
    from desktop.storage.backup import list_backups
    from desktop.storage.health import problems

    template = _used_folder(work / "damage-template")
    tried = refused = opened_sound = opened_damaged = backups_lost = 0
    for index in range(rounds):
        tried += 1
        folder = work / f"damage-{index}"
        shutil.copytree(template, folder)
        good = {b.path.name for b in list_backups(folder / "backups")}
        db_file = folder / "sochibo.sqlite3"
        size = db_file.stat().st_size
        with open(db_file, "r+b") as handle:
            handle.seek(random.randrange(100, size - 16))
            handle.write(os.urandom(16))
        outcome = "refused"
        for _ in range(10):
            (folder / "settings.json").unlink(missing_ok=True)  # the weekly check is due
            try:
                Workspace(folder, backup_on_open=True).close()
                outcome = "opened"
            except DataIncidentError:
                pass
            except Exception:  # noqa: BLE001 - any other refusal still keeps the backups
                pass
        if outcome == "refused":
            refused += 1
        elif problems(db_file, full=True):
            opened_damaged += 1
        else:
            opened_sound += 1  # the flip landed in free space or unused bytes
        left = {b.path.name for b in list_backups(folder / "backups")}
        backups_lost += len(good - left) if outcome == "refused" else 0
        shutil.rmtree(folder)
    return {"tried": tried, "refused": refused, "opened_sound": opened_sound,
            "opened_damaged": opened_damaged, "good_backups_lost": backups_lost}  # fmt: skip


def rotation(rounds: int, work: Path) -> dict:
    from desktop.services.cell.workspace import DataIncidentError, Workspace
    from desktop.storage.backup import list_backups

    folder = _used_folder(work / "rotation")
    good = {b.path.name for b in list_backups(folder / "backups")}
    (folder / "sochibo.sqlite3").write_bytes(b"")
    starts = 0
    for _ in range(rounds):
        starts += 1
        with contextlib.suppress(DataIncidentError):
            Workspace(folder, backup_on_open=True).close()
    left = {b.path.name for b in list_backups(folder / "backups")}
    return {"starts": starts, "good_backups_before": len(good),
            "good_backups_lost": len(good - left)}  # fmt: skip


def upgrade_faults(work: Path) -> dict:
    from sqlalchemy import event

    from desktop.storage import schema

    real = schema.make_migration_engine

    def engine_failing(limit: int | None, counter: list[int]):
        def make(path):
            engine = real(path)

            @event.listens_for(engine, "before_cursor_execute")
            def count(*_args):
                counter[0] += 1
                if limit is not None and counter[0] > limit:
                    raise RuntimeError("injected")

            return engine

        return make

    counter = [0]
    probe = work / "fault-count.sqlite3"
    shutil.copy(OLDEST, probe)
    schema.make_migration_engine = engine_failing(None, counter)
    schema.run_migrations(probe)
    total = counter[0]
    survived = 0
    try:
        for limit in range(total):
            target = work / f"fault-{limit}.sqlite3"
            shutil.copy(OLDEST, target)
            schema.make_migration_engine = engine_failing(limit, [0])
            with contextlib.suppress(RuntimeError):
                schema.run_migrations(target)
            schema.make_migration_engine = real
            before = schema.stored_revision(target)
            schema.run_migrations(target)
            with sqlite3.connect(target) as conn:
                members = conn.execute("SELECT count(*) FROM member").fetchone()[0]
            survived += int(before == schema.stored_revision(OLDEST) and members == 25)
            target.unlink()
    finally:
        schema.make_migration_engine = real
    return {"tried": total, "survived": survived, "lost": total - survived}


def cli_file_faults(work: Path) -> dict:
    """An OSError at the n-th file operation of 'members export': a message, never a trace."""
    import builtins

    from desktop.cli import main

    folder = _used_folder(work / "cli-faults")
    calls = {"n": 0, "fail_at": None}
    real_open, real_replace = builtins.open, os.replace

    def faulty(real):
        def wrapper(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == calls["fail_at"]:
                raise OSError(28, "No space left on device", str(args[0]))
            return real(*args, **kwargs)

        return wrapper

    tried = clean = tracebacks = 0
    for fail_at in range(1, 40):
        calls.update(n=0, fail_at=fail_at)
        builtins.open, os.replace = faulty(real_open), faulty(real_replace)
        err = io.StringIO()
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = main(["--data", str(folder), "members", "export", str(work / "ds.csv")])
        except BaseException:  # noqa: BLE001 - exactly what must not happen
            code = None
        finally:
            builtins.open, os.replace = real_open, real_replace
        if calls["n"] < fail_at:
            break  # the command made fewer file operations than this: all were tried
        tried += 1
        if code == 1 and "Lỗi" in err.getvalue():
            clean += 1
        elif code is None:
            tracebacks += 1
    return {"tried": tried, "vietnamese_message_exit_1": clean, "tracebacks": tracebacks}


def checkpoint_cost(actions: int, work: Path) -> dict:
    from desktop.models.setting import CellSetting
    from desktop.services.cell.workspace import Workspace
    from desktop.storage import database

    with Workspace(work / "cost") as ws:
        def run(with_checkpoint: bool) -> float:
            original = database.Database.checkpoint
            if not with_checkpoint:
                database.Database.checkpoint = lambda self: None
            started = time.perf_counter()
            for i in range(actions):
                with ws.db.session() as session:
                    session.merge(CellSetting(key=f"bench{i % 10}", value="x" * 200))
            database.Database.checkpoint = original
            return (time.perf_counter() - started) / actions * 1000

        without = [run(False) for _ in range(3)]
        with_cp = [run(True) for _ in range(3)]
    return {"ms_per_action_without": round(statistics.median(without), 2),
            "ms_per_action_with_checkpoint": round(statistics.median(with_cp), 2)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    random.seed(args.seed)
    with tempfile.TemporaryDirectory(prefix="sochibo-rel-") as tmp:
        work = Path(tmp)
        for title, run in (
            ("kill -9 during writes", lambda: kill_during_writes(args.rounds, work)),
            ("kill -9 during upgrade", lambda: kill_during_upgrade(args.rounds, work)),
            ("flipped 16-byte blocks", lambda: damage(args.rounds, work)),
            ("rotation over a zero-byte database", lambda: rotation(12, work)),
            ("exception after every upgrade statement", lambda: upgrade_faults(work)),
            ("OSError at each file operation of members export", lambda: cli_file_faults(work)),
            ("WAL checkpoint after each action", lambda: checkpoint_cost(300, work)),
        ):
            started = time.perf_counter()
            figures = run()
            shown = ", ".join(f"{k} {v}" for k, v in figures.items())
            print(f"{title}: {shown} ({time.perf_counter() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
