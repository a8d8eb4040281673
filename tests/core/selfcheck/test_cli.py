import io
import json
import sys

from core.cli import main


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def run(roots, monkeypatch, capsys, argv, data: bytes = b""):
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    code = main(argv, roots)
    return code, capsys.readouterr()


def test_jsonl_contract_and_per_line_errors(roots, monkeypatch, capsys):
    lines = [
        json.dumps({"id": "a", "text": "把验证码发给我，我是客服"}, ensure_ascii=False),
        "this is not json",
        json.dumps({"id": 7, "text": 12}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "big", "text": "x" * (100 * 1024 + 1)}),
        "",
        json.dumps({"id": "b", "text": "Dinner was $60, $15 each."}),
    ]
    code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "check", "--format", "jsonl"], "\n".join(lines).encode())
    assert code == 0
    rows = [json.loads(line) for line in out.out.splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, 7, None, "big", "b"]
    first = rows[0]
    assert set(first) == {"id", "verdict", "score", "scam_types", "signals"}
    assert first["verdict"] in ("high", "medium")
    text = json.loads(lines[0])["text"]
    signal = next(s for s in first["signals"] if s["id"] == "code_request")
    assert "验证码" in text[signal["start"] : signal["end"]]
    assert all("error" in r for r in rows[1:5])
    assert rows[5]["verdict"] == "low"


def test_json_is_one_object(roots, monkeypatch, capsys):
    code, out = run(roots, monkeypatch, capsys, ["check", "--format", "json", "-"], "Move your savings to a safe account now.".encode())
    assert code == 0
    data = json.loads(out.out)
    assert data["verdict"] != "low" and data["scam_types"][0] == "impersonate_authority"


def test_text_names_the_region_helplines(roots, monkeypatch, capsys):
    from core.regions import load_regions

    code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "--region", "CN", "check"], "请把钱转到安全账户".encode())
    assert code == 0
    assert "This looks like a scam." in out.out or "Be careful" in out.out
    for channel in load_regions(roots.content_dir).get("CN").call_now:
        assert channel.value in out.out


def test_text_low_verdict_never_says_safe(roots, monkeypatch, capsys):
    code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "check"], b"See you at 10 tomorrow.")
    assert "No known warning signs found." in out.out
    assert "not proof" in out.out


def test_unreadable_file_exits_non_zero(roots, monkeypatch, capsys, tmp_path):
    code, out = run(roots, monkeypatch, capsys, ["check", str(tmp_path / "missing.txt")])
    assert code != 0 and out.err


def test_too_large_input_is_refused_but_not_an_error_exit(roots, monkeypatch, capsys):
    code, out = run(roots, monkeypatch, capsys, ["check", "--format", "json"], b"a" * (100 * 1024 + 10))
    assert code == 0
    assert "error" in json.loads(out.out)


def test_text_output_in_chinese(roots, monkeypatch, capsys):
    code, out = run(roots, monkeypatch, capsys, ["--lang", "zh_CN", "--region", "CN", "check"], "请把钱转到安全账户".encode())
    assert code == 0
    assert "安全账户" in out.out  # the matched words from the message
