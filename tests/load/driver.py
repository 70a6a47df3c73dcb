"""Run Locust against the Odoo that setup/load started, inject the faults,
measure recovery and memory, print the figures (run by setup/load, with the
load virtualenv's Python).

Faults (``--faults 1``): at 35 % of the run one HTTP worker of the Odoo
master is killed (SIGKILL, by its process id, read from Odoo's log lines
"Worker WorkerHTTP (pid) alive" and checked to be a live child of the
master); at 65 % PostgreSQL is restarted (``--pg-restart``, a shell command).

Recovery is measured by a probe of its own: every 0.25 s a GET of
``/web/health?db_server_status=1`` (Odoo's health route, which opens a
database connection), on a fresh connection, with a 10 s timeout; every
outcome, a connection refused or reset, a timeout, a 5xx, is recorded and
never raised. The recovery time of a fault is the time from the fault to the
first success after the last failure of the 60 s that follow it (or to the
first success after the fault, when no probe failed).

The exit code says only whether the run itself failed: Locust did not run,
the Odoo master died, a fault was not recovered from within 60 s, or no
checkout at all succeeded. The invariant is invariant.py's, after this.
"""

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import requests

sys.path.insert(0, str(Path(__file__).parent))
from invariant import last_records  # noqa: E402 - plain Python, no database here

HERE = Path(__file__).parent
RECOVERY_WINDOW = 60.0
DRAIN_WINDOW = 300.0  # seconds for the cron worker to render what the load left


class Probe(threading.Thread):
    def __init__(self, url):
        super().__init__(daemon=True)
        self.url = url
        self.samples = []  # (start, ok, detail)
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            start = time.time()
            try:
                # a new connection each time: no kept-alive socket to a dead worker
                response = requests.get(
                    self.url, timeout=10, headers={"Connection": "close"}
                )
                ok, detail = response.status_code == 200, str(response.status_code)
            except Exception as error:  # noqa: BLE001 - every failure is a sample
                ok, detail = False, type(error).__name__
            self.samples.append((start, time.time(), ok, detail))
            self.stopping.wait(max(0.0, 0.25 - (time.time() - start)))

    def recovery(self, fault_time, until=None):
        """Seconds from ``fault_time`` until requests succeed again: until
        the answer of the first successful probe sent after the first probe
        that failed (after the fault itself when none failed); None when
        none succeeds within RECOVERY_WINDOW or before ``until``, the next
        fault. Also how many probes failed in that window (a saturated
        server times probes out too: those after recovery are counted, they
        do not move it)."""
        end = min(fault_time + RECOVERY_WINDOW, until or float("inf"))
        window = [s for s in self.samples if s[0] >= fault_time and s[1] <= end]
        failed = [s for s in window if not s[2]]
        after = failed[0][0] if failed else fault_time
        ok = next((s for s in window if s[2] and s[0] >= after), None)
        if ok is None:
            return None, len(failed)
        return ok[1] - fault_time, len(failed)

    def before(self, when):
        """(failed, total) probes before ``when``: the baseline under load."""
        early = [s for s in self.samples if s[1] < when]
        return sum(1 for s in early if not s[2]), len(early)

    def save(self, path):
        with open(path, "w", encoding="utf-8") as handle:
            for start, end, ok, detail in self.samples:
                handle.write(json.dumps([round(start, 3), round(end, 3), ok, detail]))
                handle.write("\n")


class Supervisor(threading.Thread):
    """Odoo's master process, started and, when it exits during the run,
    started again after 1 s, as systemd's ``Restart=always`` would (Odoo's
    master stops itself when it cannot reach PostgreSQL to spawn a worker:
    ``PreforkServer.process_spawn`` checks the registry first). Odoo runs in
    a process group of its own; whatever is left in it when the master
    exits is killed, as systemd kills a unit's control group."""

    def __init__(self, command, url):
        super().__init__(daemon=True)
        self.command = command
        self.url = url
        self.process = None
        self.restarts = []  # (time it exited, exit code, seconds until it answered)
        self.stopping = threading.Event()

    def start_odoo(self, wait=180):
        """Start Odoo and wait until it answers (a busy server may take
        longer than ``wait``: then False while it still runs)."""
        self.process = subprocess.Popen(self.command, start_new_session=True)
        deadline = time.time() + wait
        while time.time() < deadline and not self.stopping.is_set():
            if self.process.poll() is not None:
                return False
            try:
                if requests.get(self.url, timeout=30).status_code == 200:
                    return True
            except requests.RequestException:
                pass
            time.sleep(0.5)
        return False

    def running(self):
        return self.process is not None and self.process.poll() is None

    @property
    def master(self):
        """The master as a psutil process, or None while there is none."""
        try:
            return psutil.Process(self.process.pid)
        except (psutil.Error, AttributeError):
            return None

    def run(self):
        while not self.stopping.wait(0.5):
            code = self.process.poll()
            if code is None:
                continue
            exited = time.time()
            # what systemd does before a restart: the unit's other processes
            # (workers left by the master) are killed too
            self.kill_group()
            self.stopping.wait(1.0)
            if self.stopping.is_set():
                return
            ok = self.start_odoo()
            self.restarts.append((exited, code, time.time() - exited if ok else None))

    def kill_group(self):
        """SIGKILL every process left in the master's process group."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, AttributeError):
            pass

    def stop(self):
        self.stopping.set()
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.kill_group()


class Memory(threading.Thread):
    """Peak resident memory of the master's processes, sampled every second."""

    def __init__(self, supervisor):
        super().__init__(daemon=True)
        self.supervisor = supervisor
        self.peak_worker = 0
        self.peak_total = 0
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(1.0):
            try:
                master = self.supervisor.master
                procs = [master, *master.children(recursive=True)]
                sizes = []
                for proc in procs:
                    try:
                        sizes.append(proc.memory_info().rss)
                    except psutil.Error:
                        continue
            except psutil.Error:
                continue
            if sizes:
                self.peak_worker = max(self.peak_worker, max(sizes[1:] or [0]))
                self.peak_total = max(self.peak_total, sum(sizes))


def http_workers(master, odoo_log):
    """Live HTTP worker children of the master, by the pids Odoo logged."""
    if master is None:
        return []
    try:
        text = Path(odoo_log).read_text(errors="replace")
    except OSError:
        return []
    logged = {
        int(pid) for pid in re.findall(r"Worker WorkerHTTP \((\d+)\) alive", text)
    }
    try:
        children = {child.pid for child in master.children()}
    except psutil.Error:
        return []
    return sorted(logged & children)


def kill_worker(master, odoo_log):
    """SIGKILL one HTTP worker: (its pid, how many there were), or None."""
    workers = http_workers(master, odoo_log)
    if not workers:
        return None
    pid = workers[0]
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return None
    return pid, len(workers)


def respawned(supervisor, odoo_log, killed, before, since, timeout=RECOVERY_WINDOW):
    """Seconds from ``since`` until the master has ``before`` live HTTP
    workers again, the killed one not among them (reaped); None if not
    within timeout."""
    while time.time() - since < timeout:
        workers = http_workers(supervisor.master, odoo_log)
        if killed not in workers and len(workers) >= before:
            return time.time() - since
        time.sleep(0.1)
    return None


def answers_after(url, timeout=180):
    """Seconds until Odoo answers ``url`` once the load has stopped, or None:
    a server whose workers hang after a fault answers nothing (workers
    finish the requests they hold first: a 1,000-line one takes a while)."""
    since = time.time()
    while time.time() - since < timeout:
        try:
            if requests.get(url, timeout=10).status_code == 200:
                return round(time.time() - since, 2)
        except requests.RequestException:
            pass
        time.sleep(1)
    return None


def websocket_handshake(host, port):
    """The status line the gevent port answers a websocket upgrade with
    (``HTTP/1.1 101 Switching Protocols`` when it serves /websocket)."""
    try:
        with socket.create_connection((host, port), timeout=30) as sock:
            sock.sendall(
                (
                    "GET /websocket HTTP/1.1\r\n"
                    f"Host: {host}:{port}\r\n"
                    "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    "Sec-WebSocket-Version: 13\r\n"
                    f"Origin: http://{host}:{port}\r\n\r\n"
                ).encode()
            )
            return sock.recv(200).decode(errors="replace").split("\r\n")[0]
    except OSError as error:
        return f"no answer ({type(error).__name__})"


def drained(command, timeout=DRAIN_WINDOW):
    """Seconds until the documents the checkouts left to the cron worker
    (the invoices for payment's PDFs) are all rendered: (seconds or None,
    how many were waiting when the load stopped)."""
    if not command:
        return 0.0, 0
    start = time.time()
    first = None
    while True:
        try:
            out = subprocess.run(
                command, capture_output=True, text=True, timeout=30, check=True
            ).stdout
            left = int(out.strip().splitlines()[-1])
        except (subprocess.SubprocessError, ValueError, IndexError):
            left = None
        if first is None and left is not None:
            first = left
        if left == 0:
            return round(time.time() - start, 1), first or 0
        if time.time() - start > timeout:
            return None, first
        time.sleep(1)


def percentile(values, share):
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def figures(requests_path, start, end):
    rows = []
    if Path(requests_path).is_file():
        with open(requests_path, encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
    pages = {}
    for row in rows:
        pages.setdefault(row["name"], []).append(row)
    table = []
    for name in sorted(pages):
        items = pages[name]
        times = [r["ms"] for r in items if r["ok"]]
        table.append(
            {
                "page": name,
                "requests": len(items),
                "errors": sum(1 for r in items if not r["ok"]),
                "p50_ms": percentile(times, 0.50),
                "p95_ms": percentile(times, 0.95),
                "p99_ms": percentile(times, 0.99),
            }
        )
    duration = max(1.0, end - start)
    return {
        "requests": len(rows),
        "errors": sum(1 for r in rows if not r["ok"]),
        "requests_per_s": round(len(rows) / duration, 2),
        "pages": table,
        "error_samples": sorted(
            {f"{r['name']}: {r['error'] or r['status']}" for r in rows if not r["ok"]}
        )[:15],
    }


def journal_counts(path):
    """Submissions by kind and last outcome (ok, refused, unknown…)."""
    rows = []
    if Path(path).is_file():
        with open(path, encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
    counts = {}
    for row in last_records(rows):
        key = f"{row['kind']} {row['status']}"
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))


def print_report(summary):
    f = summary["figures"]
    print()
    print(
        f"Load: {summary['users']} buyers, {summary['run_s']} s, "
        f"{f['requests']} requests, {f['requests_per_s']} requests/s, "
        f"{f['errors']} errors"
    )
    print(
        f"{'page':<22}{'requests':>9}{'errors':>8}"
        f"{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
    )
    for row in f["pages"]:
        print(
            f"{row['page']:<22}{row['requests']:>9}{row['errors']:>8}"
            f"{row['p50_ms']:>9.0f}{row['p95_ms']:>9.0f}{row['p99_ms']:>9.0f}"
        )
    for sample in f["error_samples"]:
        print(f"  error: {sample}")
    print("journal: " + ", ".join(f"{k}: {v}" for k, v in summary["journal"].items()))
    for fault in summary["faults"]:
        rec = fault["recovery_s"]
        respawn = (
            ""
            if "respawn_s" not in fault
            else "; a new worker in "
            + (f"{fault['respawn_s']:.2f} s" if fault["respawn_s"] is not None else "-")
        )
        print(
            f"fault at {fault['at_s']:.0f} s: {fault['what']}{respawn}; requests "
            + (
                f"succeed again {rec:.2f} s after"
                if rec is not None
                else "did not succeed"
            )
            + f" ({fault['probes_failed']} probes failed in the window)"
        )
    failed, total = summary["probes_before_faults"]
    print(f"probes before the faults: {failed} of {total} failed")
    for restart in summary["odoo_restarts"]:
        back = restart["answered_after_s"]
        print(
            f"Odoo's master exited ({restart['exit_code']}) at {restart['at_s']:.0f} s;"
            " the supervisor started it again: "
            + (
                f"answering {back} s after the exit"
                if back is not None
                else "running, it did not answer /web/login within 180 s"
            )
        )
    idle = summary["answers_after_the_run_s"]
    print(
        "after the run, without load: "
        + (f"Odoo answers ({idle} s)" if idle is not None else "Odoo does NOT answer")
    )
    background = summary["background"]
    print(
        "background PDFs (invoices for payment, cron worker): "
        f"{background['waiting_at_the_end']} waiting when the load stopped, "
        + (
            f"all rendered {background['drained_after_s']} s later"
            if background["drained_after_s"] is not None
            else f"NOT all rendered within {DRAIN_WINDOW:.0f} s"
        )
    )
    print(f"gevent port, websocket upgrade: {summary['websocket']}")
    mem = summary["memory"]
    print(
        f"memory: peak worker RSS {mem['peak_worker_mb']} MB, "
        f"peak total RSS of Odoo's processes {mem['peak_total_mb']} MB"
    )


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", required=True)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--time", type=int, default=120)
    parser.add_argument("--faults", type=int, default=1)
    parser.add_argument("--api", type=int, default=0)
    parser.add_argument("--odoo-cmd", required=True, help="a JSON list")
    parser.add_argument("--odoo-log", required=True)
    parser.add_argument("--pg-restart", default="")
    parser.add_argument("--api-keys", default="")
    parser.add_argument("--gevent-port", type=int, default=0)
    parser.add_argument(
        "--pending-cmd",
        default="",
        help="a JSON list: prints how many documents wait for the cron worker",
    )
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    journal, timings = out / "journal.jsonl", out / "requests.jsonl"
    for path in (journal, timings):
        path.unlink(missing_ok=True)
    supervisor = Supervisor(json.loads(args.odoo_cmd), f"{args.host}/web/login")
    if not supervisor.start_odoo():
        supervisor.stop()
        print(f"FAILED: Odoo did not start (log: {args.odoo_log})")
        return 1
    supervisor.start()
    try:
        return run(args, supervisor, journal, timings, out)
    finally:
        supervisor.stop()


def inject_faults(args, supervisor, locust, start):
    """At 35 % of the run kill an HTTP worker, at 65 % restart PostgreSQL:
    ``(faults, failures)``."""
    faults, failures = [], []
    for share, what in [(0.35, "worker"), (0.65, "postgres")]:
        wait = start + share * args.time - time.time()
        if wait > 0 and locust.poll() is None:
            time.sleep(wait)
        at = time.time()
        if what == "worker":
            killed = kill_worker(supervisor.master, args.odoo_log)
            if killed is None:
                failures.append("no HTTP worker of the master to kill")
                continue
            pid, count = killed
            fault = {"what": f"HTTP worker {pid} killed", "t": at, "kind": what}
            fault["respawn_s"] = respawned(supervisor, args.odoo_log, pid, count, at)
            faults.append(fault)
            continue
        done = subprocess.run(  # noqa: S602 - our own command line, from setup/load
            args.pg_restart, shell=True, check=False, capture_output=True, text=True
        )
        if done.returncode:
            failures.append(f"PostgreSQL restart failed: {done.stderr.strip()}")
            continue
        faults.append(
            {
                "what": f"PostgreSQL restarted ({time.time() - at:.1f} s down and up)",
                "t": at,
                "kind": what,
            }
        )
    return faults, failures


def run(args, supervisor, journal, timings, out):
    env = dict(
        os.environ, B2B_LOAD_JOURNAL=str(journal), B2B_LOAD_REQUESTS=str(timings)
    )
    if args.api and args.api_keys and Path(args.api_keys).is_file():
        env["B2B_LOAD_API_KEYS"] = args.api_keys
        print("API task: on (b2b_api is here)")
    else:
        env.pop("B2B_LOAD_API_KEYS", None)
        print(
            "API task: off (no b2b_api addon in the repository)"
            if not args.api
            else "API task: off (no API keys were generated)"
        )

    websocket = "-"
    for _attempt in range(30 if args.gevent_port else 0):
        # the gevent process starts a few seconds after the HTTP workers
        websocket = websocket_handshake("127.0.0.1", args.gevent_port)
        if "101" in websocket:
            break
        time.sleep(2)
    probe = Probe(f"{args.host}/web/health?db_server_status=1")
    memory = Memory(supervisor)
    probe.start()
    memory.start()
    start = time.time()
    locust = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(HERE / "locustfile.py"),
            "--headless",
            "--host",
            args.host,
            "-u",
            str(args.users),
            "-r",
            str(max(1, args.users // 10)),
            "-t",
            f"{args.time}s",
            "--stop-timeout",
            "120",
            "--only-summary",
            "--loglevel",
            "WARNING",
            "--csv",
            str(out / "locust"),
        ],
        env=env,
    )
    faults, failures = (
        inject_faults(args, supervisor, locust, start) if args.faults else ([], [])
    )
    locust_rc = locust.wait()
    end = time.time()
    idle = answers_after(f"{args.host}/web/health?db_server_status=1")
    drain_s, waiting = drained(json.loads(args.pending_cmd) if args.pending_cmd else [])
    time.sleep(2)  # the probe's last samples
    probe.stopping.set()
    memory.stopping.set()
    probe.join(5)
    memory.join(5)

    probe.save(out / "probe.jsonl")
    fault_rows = []
    for n, fault in enumerate(faults):
        until = faults[n + 1]["t"] if n + 1 < len(faults) else None
        recovery, failed = probe.recovery(fault["t"], until)
        row = {
            "what": fault["what"],
            "at_s": round(fault["t"] - start, 1),
            "recovery_s": None if recovery is None else round(recovery, 2),
            "probes_failed": failed,
        }
        if fault["kind"] == "worker":
            # the fault is the worker: recovered when the master has replaced it
            row["respawn_s"] = fault["respawn_s"]
            recovered = fault["respawn_s"] is not None
        else:
            recovered = recovery is not None
        if not recovered:
            failures.append(
                f"not recovered within {RECOVERY_WINDOW:.0f} s: {fault['what']}"
            )
        fault_rows.append(row)
    summary = {
        "users": args.users,
        "run_s": round(end - start),
        "figures": figures(timings, start, end),
        "journal": journal_counts(journal),
        "faults": fault_rows,
        "probes_before_faults": probe.before(faults[0]["t"] if faults else end),
        "odoo_restarts": [
            {
                "at_s": round(exited - start, 1),
                "exit_code": code,
                "answered_after_s": None if back is None else round(back, 1),
            }
            for exited, code, back in supervisor.restarts
        ],
        "memory": {
            "peak_worker_mb": round(memory.peak_worker / 2**20),
            "peak_total_mb": round(memory.peak_total / 2**20),
        },
        "locust_exit": locust_rc,
        "websocket": websocket,
        "answers_after_the_run_s": idle,
        "background": {"waiting_at_the_end": waiting, "drained_after_s": drain_s},
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print_report(summary)
    if idle is None:
        failures.append("Odoo does not answer once the load has stopped")
    if drain_s is None:
        failures.append(
            f"documents left to the cron worker not all rendered {DRAIN_WINDOW:.0f} s"
            " after the load stopped"
        )
    if not supervisor.running():
        failures.append("Odoo is not running at the end of the run")
    if not summary["journal"].get("checkout ok"):
        failures.append("no checkout succeeded: nothing was tested")
    # Locust exits 1 when a request failed: expected under faults
    if locust_rc not in (0, 1):
        failures.append(f"Locust exited with {locust_rc}")
    for failure in failures:
        print(f"FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
