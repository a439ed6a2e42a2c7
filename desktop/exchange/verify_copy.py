"""Copying one file to a stick, verified (sao chép có kiểm tra): backups and handover zips.

The same discipline as a package: a hidden ``.dang-ghi-`` name, fsync, read back and
compare SHA-256 with what was read from the source, then rename; on failure the partial
file is removed and ``ExportFailed`` says in Vietnamese what happened and what to do.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from desktop.exchange.errors import ExportFailed, PackageExists
from desktop.exchange.manifest import name_problem
from desktop.exchange.safe_io import (
    CHUNK,
    Cancelled,
    Hooks,
    Mismatch,
    Progress,
    Tracker,
    check_target,
    failure,
    fsync_dir,
    remove_quietly,
    rename,
    run_hook,
    space_needed,
    temp_name,
    verify_file,
)


def copy_verified(
    source_file: Path,
    target_dir: Path,
    name: str,
    progress: Progress | None = None,
    *,
    replace: bool = False,
    _hooks: Hooks | None = None,
) -> Path:
    """Copy ``source_file`` to ``target_dir/name``, verified; return the new file's path.

    An existing ``name`` raises ``PackageExists`` unless ``replace`` (then it is replaced
    in one rename, only after the copy was verified). ``progress`` is as for
    ``write_package``: ``(done, total, text)``, each byte counted twice, ``False`` cancels.
    """
    problem = name_problem(name)
    if problem:
        raise ValueError(f"file name: {problem}")
    source, target = Path(source_file), Path(target_dir)
    final = target / name
    if os.path.lexists(final) and not replace:
        raise PackageExists(
            f"Trong {target} đã có tệp “{name}”. Nếu muốn thay bằng bản mới, hãy xác nhận "
            "để ghi đè; tệp cũ chỉ bị thay sau khi bản mới đã ghi và kiểm tra xong.",
            final,
        )
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise _source_failed(source, exc) from None
    need = space_needed([size])
    check_target(target, need)

    tracker = Tracker(progress, 2 * size)
    work = target / temp_name(name)
    try:
        digest, copied = _copy(source, work, f"Đang ghi {name}", tracker, _hooks)
        fsync_dir(target)
        run_hook(_hooks, "verify", work)
        verify_file(work, copied, digest, tracker, f"Đang kiểm tra lại {name}")
        if os.path.lexists(final) and not replace:
            raise PackageExists(f"Trong {target} đã có tệp “{name}”.", final)
        run_hook(_hooks, "rename", work, final)
        rename(work, final, replace=True)
        fsync_dir(target)
    except _SourceError as exc:
        remove_quietly(work, _hooks)
        raise _source_failed(source, exc.error) from None
    except (OSError, Cancelled, Mismatch) as exc:
        leftover = None if remove_quietly(work, _hooks) else work
        raise failure(
            exc, target, need=need, leftover=leftover, what="bản sao", redo="sao chép lại"
        ) from exc
    except BaseException:
        remove_quietly(work, _hooks)
        raise
    if progress is not None:
        progress(tracker.total, tracker.total, "Đã ghi và kiểm tra xong; có thể rút USB ra.")
    return final


class _SourceError(Exception):
    """Reading the source failed: the PC's own file, not the stick, is the problem."""

    def __init__(self, error: OSError) -> None:
        self.error = error
        super().__init__(str(error))


def _copy(
    source: Path, work: Path, text: str, tracker: Tracker, hooks: Hooks | None
) -> tuple[str, int]:
    digest = hashlib.sha256()
    copied = 0
    try:
        reader = open(source, "rb")
    except OSError as exc:
        raise _SourceError(exc) from None
    with reader:
        run_hook(hooks, "open", work)
        with open(work, "xb") as handle:
            while True:
                try:
                    chunk = reader.read(CHUNK)
                except OSError as exc:
                    raise _SourceError(exc) from None
                if not chunk:
                    break
                run_hook(hooks, "write", work)
                handle.write(chunk)
                digest.update(chunk)
                copied += len(chunk)
                tracker.advance(len(chunk), text)
            handle.flush()
            run_hook(hooks, "fsync", work)
            os.fsync(handle.fileno())
    run_hook(hooks, "written", work)
    return digest.hexdigest(), copied


def _source_failed(source: Path, exc: OSError) -> ExportFailed:
    return ExportFailed(
        f"Không đọc được tệp nguồn {source} ({exc.strerror or exc}); chưa ghi gì ra USB. "
        "Hãy kiểm tra tệp trên máy rồi thử lại.",
        "source",
    )
