"""Review end to end: ``python -m extractor review`` driven key by key in a pseudo-terminal.

Why a real terminal: review reads single key presses (click.getchar puts the tty in raw mode),
so only a pty exercises what a reviewer does. Assertions are on the decisions table.
"""

from __future__ import annotations

import codecs
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import termios
import time

import pytest
from click.testing import CliRunner
from conftest import CORPUS, SEED_CALL, SEED_DUP

from extractor.cli import main
from extractor.formats import brat_to_claims, read_ann, read_prodigy_jsonl
from extractor.models import Claim
from extractor.review import (
    EditError,
    apply_edit_line,
    claim_states,
    conflicts,
    current_decision,
    record,
    undo_last,
)
from extractor.store import Store

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\r")
PROMPT = r"\[q\]uit > "
HEADER = r"claim (\d+)/(\d+) (\S+) (pending|accepted|rejected|edited)"


class Term:
    """``python -m extractor ARGS`` in a pseudo-terminal: wait for output, press keys, type lines."""

    def __init__(self, args: list[str], cwd: str, env: dict[str, str] | None = None):
        pid, fd = pty.fork()
        if pid == 0:  # the child: a 160x50 terminal, then the real command
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
                os.chdir(cwd)
                full = {**os.environ, "TERM": "xterm-256color", **(env or {})}
                os.execvpe(sys.executable, [sys.executable, "-m", "extractor", *args], full)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.buf = self.log = ""
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.status: int | None = None

    def expect(self, pattern: str, timeout: float = 30) -> re.Match:
        """Consume output up to the first match of ``pattern`` (ANSI codes stripped)."""
        rx, deadline = re.compile(pattern), time.monotonic() + timeout
        while True:
            clean = ANSI.sub("", self.buf)
            m = rx.search(clean)
            if m:
                self.buf = clean[m.end() :]
                return m
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {pattern!r} in time; output ends:\n{self.tail()}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:  # EIO: the child closed the terminal
                    data = b""
                if not data:
                    raise AssertionError(f"exited before {pattern!r}; output ends:\n{self.tail()}")
                text = self.decoder.decode(data)
                self.buf += text
                self.log += text

    def tail(self) -> str:
        return ANSI.sub("", self.log)[-3000:]

    def _wait_mode(self, raw: bool) -> None:
        # keys sent before click.getchar switches to raw mode are flushed by it: wait for the switch
        deadline = time.monotonic() + 20
        while bool(termios.tcgetattr(self.fd)[3] & termios.ICANON) == raw:
            assert time.monotonic() < deadline, "the terminal mode never changed"
            time.sleep(0.005)

    def claim(self) -> str:
        """The id of the claim now on screen (consumes its header)."""
        return self.expect(HEADER).group(3)

    def key(self, ch: str) -> None:
        self.expect(PROMPT)
        self._wait_mode(raw=True)
        os.write(self.fd, ch.encode())

    def line(self, text: str) -> None:
        self.expect(r"edit> ")
        self._wait_mode(raw=False)
        os.write(self.fd, (text + "\n").encode())

    def wait(self, timeout: float = 30) -> int:
        """Exit status (negative signal number when killed), draining output meanwhile."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            if select.select([self.fd], [], [], 0.05)[0]:
                try:
                    self.log += self.decoder.decode(os.read(self.fd, 65536))
                except OSError:
                    pass
        raise AssertionError("the review process did not exit")

    def close(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.fd)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, corpus_results):
    """004 and 000 stored as ingest stores them (004 published 2022-05-13), copied for each test."""
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    with Store(path) as store:
        for aid in (SEED_CALL, SEED_DUP):
            r = corpus_results[aid]
            store.save_article(aid, r.article.text, r.article.published, r.dropped, r.claims)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def db(tmp_path, seed_db):
    path = tmp_path / "review.db"
    shutil.copy(seed_db, path)
    return path


@pytest.fixture
def term(tmp_path):
    started: list[Term] = []

    def start(*args: str, env: dict[str, str] | None = None) -> Term:
        t = Term(list(args), str(tmp_path), env)
        started.append(t)
        return t

    yield start
    for t in started:
        t.close()


def seed_ids(db) -> list[str]:
    with Store(db) as store:
        return [c.claim_id for c in store.iter_claims(SEED_CALL)]


def rows(db) -> list[tuple]:
    """Decision rows as (claim_id, reviewer, decision, undoes)."""
    with Store(db) as store:
        return [(d.claim_id, d.reviewer, d.decision, d.undoes) for d in store.decisions()]


def review_args(db, reviewer: str, *more: str) -> list[str]:
    return ["review", "--db", str(db), "--reviewer", reviewer, "--article", SEED_CALL, *more]


def test_accept_reject_skip_quit_and_resume(db, term):
    ids = seed_ids(db)
    t = term(*review_args(db, "ana"))
    t.expect(rf"Reviewing as ana: {len(ids)} pending of {len(ids)} claims")
    shown = []
    for key in "arsa":
        shown.append(t.claim())
        t.key(key)
    assert shown == ids[:4]
    assert t.claim() == ids[4]
    t.key("q")
    t.expect(rf"Saved\. 3 decisions this session; {len(ids) - 3} pending")
    assert t.wait() == 0
    assert rows(db) == [(ids[0], "ana", "accept", None), (ids[1], "ana", "reject", None),
                        (ids[3], "ana", "accept", None)]
    # coming back: the skipped claim is first, decided ones are not shown again
    t2 = term(*review_args(db, "ana"))
    t2.expect(rf"{len(ids) - 3} pending of {len(ids)}")
    assert t2.claim() == ids[2]
    t2.key("s")
    assert t2.claim() == ids[4]
    t2.key("q")
    assert t2.wait() == 0
    states = {s.claim_id: s.status for s in claim_states(Store(db), SEED_CALL)}
    assert [states[i] for i in ids[:5]] == ["accepted", "rejected", "pending", "accepted", "pending"]


def test_edit_reasks_on_invalid_values_and_records_the_edited_claim(db, term):
    with Store(db) as store:
        claims = list(store.iter_claims(SEED_CALL))
        text = store.get_article(SEED_CALL).text
    target = next(i for i, c in enumerate(claims) if c.date is not None and c.date.text == "May 13")
    before = claims[target]
    assert before.speaker.name == "The briefing" and before.date.value == "2022-05-13"
    t = term(*review_args(db, "ana"))
    for _ in range(target):
        t.key("s")
    assert t.claim() == before.claim_id
    t.key("e")
    t.line("date.value = 14 May 2022")
    t.expect(r"invalid: date\.value: Value error, date value '14 May 2022' is not YYYY")
    t.line("date.value = 2022-05-14")
    t.expect(r"\nok")
    t.line("contact.status = maybe")
    t.expect(r"invalid: contact\.status: Input should be 'held'")
    t.line("contact.status = refused")
    t.line("speaker.name = Pentagon briefing")
    t.line("contact.counterpart = Sergei Shoigu; Russia")
    t.line("")
    t.expect("edited " + re.escape(before.claim_id))
    t.key("q")
    assert t.wait() == 0
    with Store(db) as store:
        [d] = store.decisions(before.claim_id)
    assert (d.reviewer, d.decision) == ("ana", "edit")
    after = d.claim
    assert after.claim_id == before.claim_id
    assert after.date.value == "2022-05-14" and after.date.text == "May 13"
    assert after.contact.status == "refused"
    assert after.speaker.name == "Pentagon briefing"
    assert after.speaker.mention == before.speaker.mention
    assert [p.name for p in after.contact.counterpart] == ["Sergei Shoigu", "Russia"]
    assert all(span.matches(text) for _, span in after.spans())
    assert after.sentence == before.sentence and after.cue == before.cue
    # export replaces the extracted values by the edited ones
    out = CliRunner().invoke(main, ["export", "--db", str(db), "--status", "edited"])
    [rec] = [json.loads(line) for line in out.stdout.splitlines()]
    assert rec["date"]["value"] == "2022-05-14" and rec["review"]["status"] == "edited"


EDITOR_SCRIPT = """
import json, sys
path = sys.argv[1]
source = open(path, encoding="utf-8").read()
if '"bogus"' in source:  # second round: the reviewer fixes the value the check refused
    source = source.replace('"bogus"', '"refused"')
else:
    claim = json.loads(source)
    claim["speaker"]["name"] = "Edited as JSON"
    claim["contact"] = {**(claim["contact"] or {}), "status": "bogus"}
    source = json.dumps(claim)
open(path, "w", encoding="utf-8").write(source)
"""


def test_edit_as_json_in_an_editor(db, term, tmp_path):
    (tmp_path / "ed.py").write_text(EDITOR_SCRIPT, encoding="utf-8")
    ids = seed_ids(db)
    t = term(*review_args(db, "ana"), env={"EDITOR": f"{sys.executable} {tmp_path / 'ed.py'}"})
    assert t.claim() == ids[0]
    t.key("e")
    t.line("json")
    t.expect(r"invalid: contact\.status: Input should be 'held'.*\(got 'bogus'\)")
    t.line("json")  # reopens the reviewer's own text, not the original
    t.expect(r"ok \(whole claim\)")
    t.line("")
    t.expect("edited " + re.escape(ids[0]))
    t.key("q")
    assert t.wait() == 0
    with Store(db) as store:
        [d] = store.decisions(ids[0])
    assert d.decision == "edit"
    assert d.claim.speaker.name == "Edited as JSON" and d.claim.contact.status == "refused"
    assert d.claim.claim_id == ids[0]


def test_undo_appends_rows_and_works_across_sessions(db, term):
    ids = seed_ids(db)
    t = term(*review_args(db, "ana"))
    assert t.claim() == ids[0]
    t.key("a")
    assert t.claim() == ids[1]
    t.key("a")
    assert t.claim() == ids[2]
    t.key("u")
    t.expect("undid accept of " + re.escape(ids[1]))
    assert t.claim() == ids[1]  # the undone claim comes back
    t.key("r")
    assert t.claim() == ids[2]
    t.key("q")
    assert t.wait() == 0
    assert rows(db) == [(ids[0], "ana", "accept", None), (ids[1], "ana", "accept", None),
                        (ids[1], "ana", "undo", 2), (ids[1], "ana", "reject", None)]
    t2 = term(*review_args(db, "ana"))
    assert t2.claim() == ids[2]
    t2.key("u")
    t2.expect("undid reject of " + re.escape(ids[1]))
    t2.key("u")
    t2.expect("undid accept of " + re.escape(ids[0]))
    assert t2.claim() == ids[0]
    t2.key("u")
    t2.expect("Nothing of yours to undo")
    t2.key("q")
    assert t2.wait() == 0
    with Store(db) as store:
        assert len(store.decisions()) == 6  # nothing deleted: two more undo rows
        assert [d.undoes for d in store.decisions() if d.decision == "undo"] == [2, 4, 1]
        assert all(s.status == "pending" for s in claim_states(store, SEED_CALL))


def test_two_reviewers_at_once_lose_nothing_and_conflicts_are_listed(db, term):
    ids = seed_ids(db)
    ana, bob = term(*review_args(db, "ana")), term(*review_args(db, "bob"))
    assert ana.claim() == ids[0] and bob.claim() == ids[0]
    ana.key("a")
    assert ana.claim() == ids[1]
    ana.key("a")
    assert ana.claim() == ids[2]
    bob.key("r")  # bob was looking at claim 0 already: both rows are kept
    assert bob.claim() == ids[2]  # claim 1 was decided by ana meanwhile: passed over
    bob.key("a")
    assert bob.claim() == ids[3]
    ana.key("r")
    assert ana.claim() == ids[3]
    for t in (ana, bob):
        t.key("q")
        assert t.wait() == 0
    assert sorted(rows(db)) == sorted([
        (ids[0], "ana", "accept", None), (ids[1], "ana", "accept", None), (ids[0], "bob", "reject", None),
        (ids[2], "bob", "accept", None), (ids[2], "ana", "reject", None),
    ])
    result = CliRunner().invoke(main, ["review", "--db", str(db), "--conflicts"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[1].rstrip(":") for line in lines] == [ids[0], ids[2]]
    assert "ana accept" in lines[0] and "bob reject" in lines[0]
    assert "2 conflicts, 0 orphaned decisions" in result.stderr


def test_killed_review_keeps_every_decision_made_before(db, term):
    ids = seed_ids(db)
    t = term(*review_args(db, "ana"))
    for key in "ara":
        t.claim()
        t.key(key)
    t.claim()  # the next claim is on screen: the third decision was committed before it was drawn
    t.key("e")
    t.line("speaker.name = Somebody")  # mid-edit: this one is not saved yet
    t.expect(r"\nok")
    os.kill(t.pid, signal.SIGKILL)
    assert t.wait() == -signal.SIGKILL
    assert rows(db) == [(ids[0], "ana", "accept", None), (ids[1], "ana", "reject", None),
                        (ids[2], "ana", "accept", None)]
    t2 = term(*review_args(db, "ana"))
    assert t2.claim() == ids[3]
    t2.key("q")
    assert t2.wait() == 0


def test_quit_keys_and_help(db, term):
    t = term(*review_args(db, "ana", "--status", "all", "--min-confidence", "0.9"))
    with Store(db) as store:
        confident = [c.claim_id for c in store.iter_claims(SEED_CALL) if (c.confidence or 0) >= 0.9]
    t.expect(rf"of {len(confident)} claims")
    assert t.claim() == confident[0]
    t.key("?")
    t.expect("u  undo your last decision")
    t.key("x")
    t.expect("Unknown key")
    t.key("\x03")  # Ctrl-C quits cleanly too
    t.expect("Saved. 0 decisions")
    assert t.wait() == 0


def test_review_shows_where_repeated_paragraphs_were_dropped(db, term):
    t = term("review", "--db", str(db), "--reviewer", "ana", "--article", SEED_DUP)
    t.claim()
    t.expect(r"\[dropped: exact repeat \(100%\) of chars 0-78\]")
    t.expect(r"other repeated paragraphs dropped at chars 1697-1928, 1933-2301")
    t.key("q")
    assert t.wait() == 0


def test_review_needs_a_terminal_and_an_existing_db(db, tmp_path):
    result = CliRunner().invoke(main, ["review", "--db", str(db)], input="a")
    assert result.exit_code == 1 and "run it in a terminal" in result.output
    result = CliRunner().invoke(main, ["review", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output


# --------------------------------------------------------------------------- library


def test_current_decision_is_the_latest_not_undone(db):
    ids = seed_ids(db)
    with Store(db) as store:
        state = claim_states(store, SEED_CALL)[0]
        first = record(store, state, "ana", "accept")
        record(store, state, "ana", "reject")
        assert current_decision(store.decisions(ids[0])).decision == "reject"
        assert undo_last(store, "ana").decision == "reject"
        assert current_decision(store.decisions(ids[0])).id == first
        assert undo_last(store, "bob") is None  # one undoes only one's own decisions
        assert undo_last(store, "ana").id == first
        assert current_decision(store.decisions(ids[0])) is None
        assert [d.decision for d in store.decisions(ids[0])] == ["accept", "reject", "undo", "undo"]


def test_edit_validation(db):
    with Store(db) as store:
        claim = next(c for c in store.iter_claims(SEED_CALL) if c.date and c.date.text == "May 13")
        text = store.get_article(SEED_CALL).text
    bad = {
        "speaker.nmae = X": "unknown field 'nmae'",
        "contact.channel = pigeon": "contact.channel: Input should be 'phone'",
        "confidence = 1.5": "less than or equal to 1",
        "cue = Kremlin spokesman": "does not occur in the article",
        "cue = 50:10": "not inside the article",
        "claim_id = x": "cannot be edited",
        "sentence.text = The briefing": "is not what the article holds",
        "contact.initiator[5].name = X": "contact.initiator[5] is missing",
        "nonsense": "FIELD = VALUE",
    }
    for line, message in bad.items():
        with pytest.raises(EditError, match=re.escape(message)):
            apply_edit_line(claim, text, line)
    no_value = apply_edit_line(claim, text, "date.resolved = false")
    no_value = apply_edit_line(no_value, text, "date.value = none")
    with pytest.raises(EditError, match="a resolved date needs a value"):
        apply_edit_line(no_value, text, "date.resolved = true")
    edited = apply_edit_line(claim, text, "cue = 433:438")
    assert edited.cue.text == "notes"
    edited = apply_edit_line(edited, text, "contact.initiator += the United States")
    assert [p.name for p in edited.contact.initiator] == ["Lloyd J. Austin III", "the United States"]
    assert isinstance(Claim.model_validate(edited.model_dump()), Claim)


def test_orphaned_decisions_are_listed_after_reingest(db, corpus_results):
    ids = seed_ids(db)
    r = corpus_results[SEED_CALL]
    with Store(db) as store:
        states = claim_states(store, SEED_CALL)
        record(store, states[0], "ana", "accept")
        record(store, states[1], "ana", "reject")
        store.save_article(SEED_CALL, r.article.text, r.article.published, r.dropped, r.claims[1:])
        assert [s.status for s in claim_states(store, SEED_CALL)][:1] == ["rejected"]  # kept decision
        assert conflicts(store) == []
    result = CliRunner().invoke(main, ["review", "--db", str(db), "--conflicts"])
    [line] = result.stdout.splitlines()
    assert line.startswith(f"orphaned #1 {ids[0]}: ana accept at ")
    assert line.endswith("(the claim is gone after re-ingest)")
    assert "0 conflicts, 1 orphaned decisions" in result.stderr


# --------------------------------------------------------------------------- export


@pytest.fixture
def reviewed(db):
    """Claim 0 accepted, 1 rejected, 2 edited (cue and contact status), the rest pending."""
    with Store(db) as store:
        states = claim_states(store, SEED_CALL)
        text = store.get_article(SEED_CALL).text
        record(store, states[0], "ana", "accept")
        record(store, states[1], "ana", "reject")
        edited = apply_edit_line(states[2].claim, text, "speaker.name = The Russian account")
        edited = apply_edit_line(edited, text, "contact.status = planned")
        record(store, states[2], "ana", "edit", edited)
        return [s.claim for s in states]


def export_cli(db, *args):
    result = CliRunner().invoke(main, ["export", "--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_export_jsonl_and_prodigy(db, reviewed, tmp_path):
    kept = [json.loads(line) for line in export_cli(db).stdout.splitlines()]
    assert [c["claim_id"] for c in kept] == [reviewed[0].claim_id, reviewed[2].claim_id]
    assert kept[1]["speaker"]["name"] == "The Russian account" and kept[1]["contact"]["status"] == "planned"
    assert kept[0]["speaker"]["name"] == reviewed[0].speaker.name
    assert [c["review"]["status"] for c in kept] == ["accepted", "edited"]
    every = export_cli(db, "--status", "all", "--article", SEED_CALL).stdout.splitlines()
    assert len(every) == len(reviewed)
    export_cli(db, "--status", "reviewed", "--format", "prodigy", "-o", str(tmp_path / "p.jsonl"))
    tasks = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [t["answer"] for t in tasks] == ["accept", "reject", "accept"]
    labels = {(s["label"], s["text"]) for s in tasks[0]["spans"]}
    assert ("SPEAKER", reviewed[0].speaker.mention.text) in labels and ("CUE", "summarizes") in labels
    assert {s["label"] for t in tasks for s in t["spans"]} <= {"SPEAKER", "CUE", "CONTENT", "DATE", "PARTY"}
    assert tasks[2]["meta"]["status"] == "edited" and tasks[2]["meta"]["reviewer"] == "ana"
    back = read_prodigy_jsonl(tmp_path / "p.jsonl")  # accepted tasks read back as claims
    assert [c.claim_id for c in back] == [reviewed[0].claim_id, reviewed[2].claim_id]
    pending = export_cli(db, "--status", "pending", "--format", "prodigy", "--article", SEED_CALL)
    pending = pending.stdout.splitlines()
    assert len(pending) == len(reviewed) - 3 and all("answer" not in json.loads(t) for t in pending)


def test_export_brat_and_annotations(db, reviewed, tmp_path):
    from extractor.annotations import check_annotations

    export_cli(db, "--format", "brat", "-o", str(tmp_path / "brat"))
    text = (tmp_path / "brat" / f"{SEED_CALL}.txt").read_text(encoding="utf-8")
    assert text == (CORPUS / f"{SEED_CALL}.txt").read_bytes().decode("utf-8")
    gold = brat_to_claims(SEED_CALL, text, read_ann(tmp_path / "brat" / f"{SEED_CALL}.ann"))
    assert [c.cue.text for c in gold] == [reviewed[0].cue.text, reviewed[2].cue.text]
    out = tmp_path / "annotations"
    result = export_cli(db, "--format", "annotations", "-o", str(out))
    assert f"warning: {SEED_CALL}: {len(reviewed) - 3} claims still pending" in result.stderr
    data = json.loads((out / f"{SEED_CALL}.json").read_text(encoding="utf-8"))
    assert data["published"] == "2022-05-13"
    assert [c["speaker"]["name"] for c in data["claims"]] == [reviewed[0].speaker.name, "The Russian account"]
    assert all("confidence" not in c for c in data["claims"])
    problems = [p for p in check_annotations(out, CORPUS) if "has no annotation" not in p]
    assert problems == []
    again = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "annotations", "-o", str(out)])
    assert again.exit_code == 1 and "pass --force" in again.output  # hand annotations are not clobbered
    export_cli(db, "--format", "annotations", "-o", str(out), "--force")
    wrong = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "annotations", "--status", "all",
                                      "-o", str(tmp_path / "x")])
    assert wrong.exit_code == 1 and "accepted and edited claims only" in wrong.output
