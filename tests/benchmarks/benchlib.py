"""What the benchmarks share: the cached Odoo install, the config file of a
benchmark database, making that database, and an environment on it.

Each ``bench_*.py`` script owns its database (its name and what fills it);
this module only knows how to make and open one.
"""

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HOME = Path(os.environ.get("B2B_HOME", Path.home() / ".cache" / "b2b-suite"))
VENV_PYTHON = Path(os.environ.get("B2B_VENV", HOME / "venv")) / "bin" / "python"
ODOO_BIN = HOME / "odoo" / "odoo-bin"


def write_conf(db, **options):
    """The Odoo config file of benchmark database ``db``; ``options`` are
    added as they are (``http_port=8079``)."""
    conf = HOME / f"odoo-{db}.conf"
    addons_path = ",".join(
        [
            str(HOME / "odoo" / "odoo" / "addons"),
            str(HOME / "odoo" / "addons"),
            str(REPO),
        ]
    )
    lines = [
        "[options]",
        f"addons_path = {addons_path}",
        f"data_dir = {HOME / 'filestore'}",
        f"db_name = {db}",
        f"dbfilter = ^{db}$",
        "list_db = False",
        "workers = 0",
        *(f"{key} = {value}" for key, value in options.items()),
    ]
    conf.write_text("\n".join(lines) + "\n")
    return conf


def database_exists(db):
    out = subprocess.run(
        ["psql", "-lqt"], capture_output=True, text=True, check=True
    ).stdout
    return any(line.split("|")[0].strip() == db for line in out.splitlines())


def odoo_bin(conf, db, *args):
    """Run odoo-bin on ``db`` with ``args``, quietly, until it stops."""
    subprocess.run(
        [str(VENV_PYTHON), str(ODOO_BIN), "-c", str(conf), "-d", db, *args,
         "--stop-after-init", "--log-level=warn"],
        check=True,
    )  # fmt: skip


def make_database(conf, db, modules, script, count, demo=False):
    """Drop and recreate ``db`` with ``modules`` installed, then fill it by
    running ``script --generate count`` in a child process."""
    subprocess.run(["dropdb", "--if-exists", "--force", db], check=True)
    started = time.perf_counter()
    odoo_bin(conf, db, "-i", modules, *(() if demo else ("--without-demo",)))
    print(f"installed {modules} in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    subprocess.run([str(VENV_PYTHON), script, "--generate", str(count)], check=True)
    print(f"generated {count} in {time.perf_counter() - started:.0f} s")


@contextlib.contextmanager
def serving(conf, db, base):
    """An Odoo server on ``db`` (no crons) until the block ends, once it
    answers at ``base``; yields the path of its log, emptied first (the
    request lines give the server time and queries)."""
    import requests  # noqa: PLC0415

    log_path = HOME / f"odoo-{db}-server.log"
    log_path.write_text("")
    server = subprocess.Popen(
        [str(VENV_PYTHON), str(ODOO_BIN), "-c", str(conf), "-d", db,
         "--log-level=info", f"--logfile={log_path}", "--max-cron-threads=0"],
    )  # fmt: skip
    try:
        for _attempt in range(120):
            try:
                requests.get(f"{base}/web/login", timeout=60)
                break
            except requests.RequestException:
                time.sleep(1)
        yield log_path
    finally:
        server.terminate()
        server.wait(timeout=30)


def open_env(db):
    """A cursor and a superuser environment on ``db``, in this process."""
    import odoo  # noqa: PLC0415
    from odoo import api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", str(HOME / f"odoo-{db}.conf"), "-d", db])
    cr = Registry(db).cursor()
    return cr, api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})


if __name__ == "__main__":
    sys.exit("benchlib is imported by the bench_*.py scripts")
