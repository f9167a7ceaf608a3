"""The `spinscope` command run the way a user runs it: the installed executable on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from spinscope.link.speakers import name_key, org_key, speaker_id
from tests.conftest import RHC, SHARED_DATA, TEHRAN

EXE = Path(sys.executable).with_name("spinscope")


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run([str(EXE), *args], input=stdin.decode() if stdin else None, capture_output=True,
                          text=True, env=full_env, timeout=600)
    return proc


@pytest.fixture(scope="module")
def jsonl_run() -> subprocess.CompletedProcess[str]:
    return run("analyze", str(RHC), str(TEHRAN), "--format", "jsonl", "--quiet")


def test_analyze_jsonl_follows_the_contract(jsonl_run: subprocess.CompletedProcess[str]) -> None:
    assert jsonl_run.returncode == 0, jsonl_run.stderr
    assert jsonl_run.stderr == ""  # regression: model-loading bars and tokenizer warnings leaked to stderr
    rhc, tehran = (json.loads(line) for line in jsonl_run.stdout.splitlines())
    for a in (rhc, tehran):
        assert a["schema"] == "spinscope/analysis-1"
        assert set(a) >= {"id", "source", "text", "meta", "techniques", "quotes", "claims", "entities", "speakers"}
        for e in a["entities"]:
            assert a["text"][e["start"] : e["end"]] == e["text"]
    assert rhc["text"] == RHC.read_text(encoding="utf-8")  # plain text is kept unchanged
    assert rhc["meta"]["title"] == (
        "Hamas official affirms Israeli genocide of Palestinians finally exposed to the world"
    )
    assert rhc["meta"]["outlet"]["name"] == "Radio Habana Cuba"
    assert rhc["meta"]["outlet"]["state_affiliated"] is True
    assert tehran["meta"]["published"] == "2021-05-26"
    assert {e["text"] for e in tehran["entities"] if e["label"] == "PERSON"} >= {"Khaled al-Qaddoumi"}


def test_analyze_text_and_html_formats(tmp_path: Path) -> None:
    text = run("analyze", str(RHC), "--quiet")
    assert text.returncode == 0, text.stderr
    assert "Hamas official affirms Israeli genocide" in text.stdout and "Radio Habana Cuba" in text.stdout
    page = tmp_path / "report.html"
    html = run("analyze", str(RHC), str(TEHRAN), "--format", "html", "-o", str(page), "--quiet")
    assert html.returncode == 0, html.stderr
    content = page.read_text(encoding="utf-8")
    assert content.startswith("<!doctype html>") and content.count("<article") == 2
    assert "<script" not in content


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 40)
    proc = run("analyze", str(tmp_path / "empty.txt"), str(RHC), str(tmp_path / "blob.bin"), "--format", "jsonl",
               "--quiet")
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt" in e for e in errors) and any("blob.bin" in e for e in errors)
    assert [json.loads(line)["source"] for line in proc.stdout.splitlines()] == [str(RHC)]


def test_stdin_is_read() -> None:
    proc = run("analyze", "-", "--format", "jsonl", "--quiet", "--layers", "nlp", stdin=TEHRAN.read_bytes())
    assert proc.returncode == 0, proc.stderr
    (a,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert a["text"] == TEHRAN.read_text(encoding="utf-8") and a["meta"]["published"] == "2021-05-26"


def test_ingest_is_idempotent_and_list_show_search_work(tmp_path: Path) -> None:
    store = str(tmp_path / "corpus.sqlite")
    first = run("ingest", str(RHC), str(TEHRAN), "--store", store, "--layers", "nlp")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout.splitlines()[-1])["added"] == 2
    again = run("ingest", str(RHC.parent), "--store", store, "--layers", "nlp")
    summary = json.loads(again.stdout.splitlines()[-1])
    assert (summary["added"], summary["skipped"]) == (0, 2)

    listed = [json.loads(x) for x in run("list", "--store", store, "--format", "jsonl").stdout.splitlines()]
    assert len(listed) == 2
    rhc_id = next(x["id"] for x in listed if x["outlet"] == "Radio Habana Cuba")
    shown = json.loads(run("show", rhc_id[:6], "--store", store, "--format", "json").stdout)
    assert shown["id"] == rhc_id and shown["entities"]

    hits = [
        json.loads(x)
        for x in run("search", "ceasefire victors", "--store", store, "--format", "jsonl").stdout.splitlines()
    ]
    assert hits and hits[0]["source"] == str(TEHRAN)
    assert "[" in hits[0]["snippet"]
    odd = run("search", 'NEAR( "unbalanced * AND', "--store", store)
    assert odd.returncode == 0, odd.stderr

    missing = run("show", "ffffffffffff", "--store", store)
    assert missing.returncode == 3 and "E011" in missing.stderr


def test_a_failing_batch_changes_nothing_already_stored(tmp_path: Path) -> None:
    store = str(tmp_path / "corpus.sqlite")
    assert run("ingest", str(RHC), "--store", store, "--layers", "nlp", "-q").returncode == 0
    before = run("show", json.loads(run("list", "--store", store, "-f", "jsonl").stdout)["id"], "--store", store,
                 "-f", "jsonl").stdout
    (tmp_path / "bad.html").write_text("<html><body><script>var x=1;</script>", encoding="utf-8")
    proc = run("ingest", str(RHC), str(tmp_path / "bad.html"), "--store", store, "--layers", "nlp", "-q")
    assert proc.returncode == 1 and "bad.html" in proc.stderr
    listed = run("list", "--store", store, "-f", "jsonl").stdout.splitlines()
    assert len(listed) == 1
    assert run("show", json.loads(listed[0])["id"], "--store", store, "-f", "jsonl").stdout == before


def test_unopenable_store_is_a_fatal_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = run("list", "--store", str(blocker / "sub" / "db.sqlite"))
    assert proc.returncode == 3 and "E010" in proc.stderr


def test_eval_prints_scores_with_a_json_line_last_and_names_bad_data() -> None:
    data = Path(__file__).resolve().parents[1] / "data" / "numclaims"
    proc = run("eval", "numclaims", "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    last = json.loads(proc.stdout.splitlines()[-1])
    assert last["task"] == "numclaims" and 0.0 <= last["quantity_f1"] <= 1.0
    bad = run("eval", "ptc", "--data", "/nonexistent/ptc")
    assert bad.returncode == 3 and "E040" in bad.stderr and "/nonexistent/ptc" in bad.stderr
    assert run("eval", "no-such-task", "--data", str(data)).returncode == 2


@pytest.mark.skipif(not (SHARED_DATA / "checkthat2020-t5-en" / "train").is_dir(), reason="shared data not present")
def test_eval_checkthat2020_ranks_a_real_transcript(tmp_path: Path) -> None:
    """The blended check-worthiness model through the CLI: one scored line per input line, MAP in the JSON."""
    src = sorted((SHARED_DATA / "checkthat2020-t5-en" / "train").glob("*.tsv"))[0]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / src.name).write_bytes(src.read_bytes())
    proc = run("eval", "checkthat2020", "--data", str(tmp_path / "data"), "--predictions", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout.strip().splitlines()[-1])
    assert 0.0 < scores["map"] <= 1.0
    rows = (tmp_path / "out" / src.name).read_text().splitlines()
    assert len(rows) == len(src.read_text().splitlines())
    assert len({row.split("\t")[1] for row in rows}) > len(rows) // 2  # real scores, not a constant


def test_eval_model_option_names_a_bad_folder_and_applies_to_technique_tasks(tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[1] / "data" / "numclaims"
    wrong_task = run("eval", "numclaims", "--data", str(data), "--model", str(tmp_path))
    assert wrong_task.returncode == 2 and "--model applies to ptc, semeval2023" in wrong_task.stderr
    articles = tmp_path / "ptc" / "articles"
    articles.mkdir(parents=True)
    (articles / "article1.txt").write_text("They are traitors and liars.\n", encoding="utf-8")
    empty = tmp_path / "empty-model"
    empty.mkdir()
    missing = run("eval", "ptc", "--data", str(tmp_path / "ptc"), "--model", str(empty))
    assert missing.returncode == 3 and "E020" in missing.stderr and str(empty / "MANIFEST.sha256") in missing.stderr


def test_train_offers_every_shipped_model() -> None:
    proc = run("train", "--help")
    assert proc.returncode == 0
    for model in ("techniques", "techniques-lora", "claims", "quotes"):
        assert model in proc.stdout


def test_analyze_gives_each_quote_the_keep_models_score(jsonl_run: subprocess.CompletedProcess[str]) -> None:
    from spinscope.document import Document
    from spinscope.layers.nlp import NlpLayer
    from spinscope.layers.quotes import QuotesLayer
    from spinscope.layers.quotes.keep import load_keep_model
    from spinscope.pipeline import Pipeline

    pipeline = Pipeline([NlpLayer(), QuotesLayer()])
    for line, path in zip(jsonl_run.stdout.splitlines(), (RHC, TEHRAN), strict=True):
        quotes = json.loads(line)["quotes"]
        layer = pipeline(Document(text=path.read_text(encoding="utf-8"), source=str(path))).spans("quotes")
        assert quotes and [(q["start"], q["end"], q["score"]) for q in quotes] == [
            (s.start, s.end, s.score) for s in layer]
        assert min(q["score"] for q in quotes) >= load_keep_model().threshold


def test_analyze_credits_the_speaker_nearer_the_verb_not_a_time_stamp_above_it(tmp_path: Path) -> None:
    # The parser gives "says" two subjects, the time stamp line and the name; `spinscope analyze` on a file.
    article = tmp_path / "live.txt"
    article.write_text("Some text here.\n\n12:15 p.m.\n\nDonald Trump says political correctness has run amok in "
                       "the military.\n", encoding="utf-8")
    proc = run("analyze", str(article), "--format", "jsonl", "--quiet")
    assert proc.returncode == 0, proc.stderr
    quotes = json.loads(proc.stdout)["quotes"]
    assert [(q["cue"]["text"], q["speaker"]["text"]) for q in quotes] == [("says", "Donald Trump")]


def test_analyze_credits_a_headline_label_and_a_speaker_the_parser_misplaced(tmp_path: Path) -> None:
    # The speaker and cue rules run the way a user meets them: `spinscope analyze` on a file.
    article = tmp_path / "article.txt"
    article.write_text("Fallin: We Will Keep The Party Together\n\nOklahoma Governor Mary Fallin spoke on Sunday.\n\n"
                       "As part of his plea, Marco Lenti, 44, said that he hacked nearly 100 accounts from his "
                       "home.\n\n"
                       "Fallin responded by saying, “The vote will be close.”\n",
                       encoding="utf-8")
    proc = run("analyze", str(article), "--format", "jsonl", "--quiet")
    assert proc.returncode == 0, proc.stderr
    quotes = json.loads(proc.stdout)["quotes"]
    credited = {(q["cue"]["text"], q["speaker"]["text"]) for q in quotes if q["speaker"]}
    assert {(":", "Fallin"), ("said", "Marco Lenti, 44,"), ("responded by saying", "Fallin")} <= credited
    # What is said "by saying" is the content, without the participle.
    assert {q["text"] for q in quotes if q["cue"]["text"] == "responded by saying"} == {"“The vote will be close.”"}
    # The label is the person the article names, with one speaker id.
    (label,) = [q["speaker"] for q in quotes if q["cue"]["text"] == ":"]
    assert label["name"] == "Mary Fallin" and label["id"]


@pytest.mark.skipif(not (SHARED_DATA / "ptc" / "train" / "articles").is_dir(), reason="shared data not present")
def test_analyze_credits_a_trailing_outlet_whose_sentence_opens_with_a_weaker_cue() -> None:
    # "Mohamad Khweis, ... actually made it to Syria, ... The Washington Post reports.": a retrained content model
    # once gave "made" the whole sentence and so hid the Post's attribution (and the claimant of its figures).
    article = SHARED_DATA / "ptc" / "train" / "articles" / "article702077434.txt"
    proc = run("analyze", str(article), "--format", "jsonl", "--quiet", "--layers", "nlp,quotes")
    assert proc.returncode == 0, proc.stderr
    quotes = json.loads(proc.stdout)["quotes"]
    reports = [q for q in quotes if q["cue"] and q["cue"]["text"] == "reports"]
    assert [q["speaker"]["text"] for q in reports] == ["The Washington Post"]
    assert reports[0]["text"].startswith("Mohamad Khweis, unlike the dozens")


def test_analyze_gives_the_examples_speakers_and_contents_the_parse_misleads(
        jsonl_run: subprocess.CompletedProcess[str], tmp_path: Path) -> None:
    # What `spinscope analyze` prints for the cases the parser gets wrong in the two bundled articles.
    rhc, tehran = (json.loads(line) for line in jsonl_run.stdout.splitlines())
    added = [q for q in rhc["quotes"] if q["cue"] and q["cue"]["text"] == "adding" and "time has finished" in q["text"]]
    assert [q["text"][:30] for q in added] == ['"It\'s time has finished. It is']  # not '"but to leave," he said, ...'
    referring = [q for q in tehran["quotes"] if q["cue"] and q["cue"]["text"] == "Referring to"]
    assert [q["speaker"]["name"] for q in referring] == ["Khaled al-Qaddoumi"]
    # "Asked about who was the victor, al-Qaddoumi said": he was asked; who asked is not said.
    asked = [q for q in tehran["quotes"] if q["cue"] and q["cue"]["text"] == "Asked about"]
    assert [(q["text"], q["speaker"]) for q in asked] == [("who was the victor in the latest confrontation", None)]
    assert any(q["text"].startswith("the battle and confrontation") for q in tehran["quotes"])
    assert any(tehran["text"][c["start"]:c["end"]].startswith("Hamas has said") for c in tehran["claims"])
    # A relative pronoun that says something is the person it follows, in the text a user reads.
    article = tmp_path / "zarif.txt"
    article.write_text("Foreign Minister Javad Zarif, who told reporters that the talks would resume next week, left "
                       "Vienna on Monday.\n", encoding="utf-8")
    proc = run("analyze", str(article), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "Javad Zarif (told): that the talks would resume next week" in proc.stdout


def _quotes_of(tmp_path: Path, text: str) -> list[dict]:
    """The quotes `spinscope analyze --format jsonl --layers nlp,quotes` finds in `text`, written to a file."""
    article = tmp_path / "relay.txt"
    article.write_text(text, encoding="utf-8")
    proc = run("analyze", str(article), "--format", "jsonl", "--quiet", "--layers", "nlp,quotes")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["quotes"]


def test_analyze_reads_a_relayed_statement_the_way_state_media_write_it(tmp_path: Path) -> None:
    # The rules of this file's sentences run the way a user meets them: `spinscope analyze` on a file. A cue whose
    # line ends in a colon takes the next paragraph; "quoted by IRNA" is no attribution of its own; "went on to
    # say" is one cue; the one an aide works for is not the aide.
    quotes = _quotes_of(tmp_path, "Iran condemns attack on its consulate\n\n"
                        "Foreign Ministry spokesman Nasser Kanaani said in a statement:\n\n"
                        "The Islamic Republic of Iran strongly condemns the attack on the consulate.\n\n"
                        "Kanaani, quoted by IRNA, said the sanctions were illegal. He went on to say that Iran would "
                        "respond at a time of its choosing.\n\n"
                        "An aide to Syrian President Bashar al-Assad said the talks would resume.\n")
    said = [(q["cue"]["text"], q["speaker"]["name"], q["text"]) for q in quotes if q["cue"]["text"] != "condemns"]
    assert said == [
        ("said", "Nasser Kanaani", "The Islamic Republic of Iran strongly condemns the attack on the consulate"),
        ("said", "Nasser Kanaani", "the sanctions were illegal"),
        ("went on to say", "Nasser Kanaani", "that Iran would respond at a time of its choosing"),
        ("said", None, "the talks would resume"),
    ]


def test_analyze_reads_relative_clauses_quoted_outlets_and_paragraph_breaks_in_a_relayed_statement(
        tmp_path: Path) -> None:
    # This session's rules through `spinscope analyze` on a file: a relative clause that reports speech is its
    # own attribution; "said of X, '...'" takes the quotation; "IRNA quoted X as saying" nests X's statement; a
    # statement issued by a body is the body's; a subject across a paragraph break ("on X.") is not the cue's.
    quotes = _quotes_of(tmp_path, "Cuban Foreign Minister Bruno Rodriguez denounced the new sanctions on Tuesday.\n\n"
                        '"The blockade is a crime," the foreign minister wrote on X.\n\n'
                        "Rodriguez added that Cuba would not give in to pressure.\n\n"
                        '"The resistance will continue," said Abu Marzouk, who stressed that the occupation would '
                        "fail.\n\n"
                        'Kanaani said of the American sanctions, "This is economic terrorism."\n\n'
                        "IRNA quoted Kanaani as saying the sanctions had failed.\n\n"
                        "A statement by the Foreign Ministry said the decision was illegal.\n")
    got = [(q["cue"]["text"], q["speaker"]["text"], q["speaker"]["name"], q["text"]) for q in quotes]
    assert got == [
        ("denounced", "Cuban Foreign Minister Bruno Rodriguez", "Bruno Rodriguez", "the new sanctions"),
        ("wrote", "the foreign minister", "Bruno Rodriguez", '"The blockade is a crime,"'),
        ("added", "Rodriguez", "Bruno Rodriguez", "that Cuba would not give in to pressure"),
        ("said", "Abu Marzouk", "Abu Marzouk", '"The resistance will continue,"'),
        ("stressed", "who", "Abu Marzouk", "that the occupation would fail"),
        ("said", "Kanaani", "Kanaani", '"This is economic terrorism."'),
        ("quoted", "IRNA", "IRNA", "Kanaani as saying the sanctions had failed"),  # NER misses IRNA: the outlet table
        ("saying", "Kanaani", "Kanaani", "the sanctions had failed"),
        ("said", "A statement by the Foreign Ministry", "Foreign Ministry", "the decision was illegal"),
    ]


def test_analyze_reads_wire_copy_past_a_dated_dateline_keeps_an_interrupted_quote_whole_and_names_outlets(
        tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: a dateline with a date and no agency was part of the first content; a
    # quotation broken off by "he said" lost its first part; an outlet the tagger missed, or took for a person, had
    # no id or was a person.
    analysis = _analyze_file(tmp_path / "wire.txt", (
        "TEHRAN, Oct. 4 – The Islamic Republic will respond to any aggression, Foreign Ministry Spokesman Esmaeil "
        "Baghaei said on Monday.\n\n"
        '"The regime is collapsing under its own weight," he said, "and its end is near."\n\n'
        "IRNA reported that the talks would resume. SANA said the ship had been seized.\n"))
    got = [(q["cue"]["text"], q["speaker"]["name"], q["speaker"]["id"], q["text"]) for q in analysis["quotes"]]
    baghaei = speaker_id(name_key("Esmaeil Baghaei"))
    assert got == [
        ("said", "Esmaeil Baghaei", baghaei, "The Islamic Republic will respond to any aggression"),
        ("said", "Esmaeil Baghaei", baghaei,
         '"The regime is collapsing under its own weight," he said, "and its end is near."'),
        ("reported", "IRNA", speaker_id(org_key("IRNA")), "that the talks would resume"),
        ("said", "SANA", speaker_id(org_key("SANA")), "the ship had been seized"),
    ]
    assert [s["name"] for s in analysis["speakers"]] == ["Esmaeil Baghaei", "IRNA", "SANA"]


def test_analyze_finds_the_one_prompted_the_one_who_feels_and_a_cue_hung_inside_a_reported_clause(
        tmp_path: Path) -> None:
    # This session's source rules through `spinscope analyze` on a file: the one prompted to speak is the speaker
    # (was "The strikes"); a passive of feeling has the one who feels it as its source (had none); a verb whose
    # form is the first cue's, hung by the parser inside that cue's reported clause, is the first speaker's own
    # statement (it was the statement of "the talks", and part of the first content).
    quotes = _quotes_of(tmp_path, "The strikes prompted the Foreign Ministry to warn that Tehran would respond to any "
                        "aggression.\n\nGaza residents were frustrated that the aid convoys had been turned back "
                        "again.\n\nForeign Ministry spokesman Nasser Kanaani said the talks would resume next week and "
                        "stressed that Iran would not bow to pressure.\n")
    got = [(q["cue"]["text"], (q["speaker"] or {}).get("text"), q["text"]) for q in quotes]
    assert got == [
        ("prompted", "The strikes", "to warn that Tehran would respond to any aggression"),
        ("to warn", "the Foreign Ministry", "that Tehran would respond to any aggression"),
        ("were frustrated", "Gaza residents", "that the aid convoys had been turned back again"),
        ("said", "Foreign Ministry spokesman Nasser Kanaani", "the talks would resume next week"),
        ("stressed", "Foreign Ministry spokesman Nasser Kanaani", "that Iran would not bow to pressure"),
    ]


def test_analyze_reads_participles_outlet_frames_and_conjoined_cues_in_relayed_statements(tmp_path: Path) -> None:
    # This session's rules through `spinscope analyze` on a file: a family name written first joins the full
    # name; "..., adding that" hung on the reported clause is the speaker's own statement; ", KCNA reported"
    # frames the sentence before it; "described ... and said ..." are two statements; the spokesman, not the
    # movement the tagger took for a person, is the speaker.
    quotes = _quotes_of(tmp_path, "Chinese Premier Li Qiang on Wednesday called for deeper cooperation with Africa.\n\n"
                        "China is willing to work with Kenya, Li said.\n\n"
                        "The Syrian Arab News Agency said Israeli warplanes targeted several sites near Damascus, "
                        "adding that air defenses intercepted most of the missiles.\n\n"
                        'North Korean leader Kim Jong Un said the country would "never give up" its nuclear '
                        "weapons, KCNA reported.\n\n"
                        'Baghaei described the measures as "a clear violation of international law" and said '
                        'Washington was "addicted to sanctions."\n\n'
                        "Ansarullah spokesman Mohammed Abdulsalam said the attacks would continue.\n")
    got = _cue_speaker_text(quotes)
    assert got == [
        ("called for", "Li Qiang", "deeper cooperation with Africa"),
        ("said", "Li Qiang", "China is willing to work with Kenya"),
        ("said", "Syrian Arab News Agency", "Israeli warplanes targeted several sites near Damascus"),
        ("adding", "Syrian Arab News Agency", "that air defenses intercepted most of the missiles"),
        ("reported", "KCNA", 'North Korean leader Kim Jong Un said the country would "never give up" its nuclear '
                             "weapons"),  # NER misses KCNA here: the outlet table names it
        ("said", "Kim Jong Un", 'the country would "never give up" its nuclear weapons'),
        ("described", None, 'the measures as "a clear violation of international law"'),  # nor Baghaei
        ("said", None, 'Washington was "addicted to sanctions."'),
        ("said", "Mohammed Abdulsalam", "the attacks would continue"),
    ]


def test_analyze_starts_a_speaker_at_the_name_not_at_words_the_parser_joined_to_it(tmp_path: Path) -> None:
    # `_tidy_source`'s trims of this session through `spinscope analyze` on a file: no space left by a quote mark
    # hung on the subject, nothing before an unclosed dash, and a dash that joins words stays.
    quotes = _quotes_of(tmp_path, '"The sanctions have failed," Kanaani said on Press TV\'s "The Debate."\n\n'
                        'On "Al-Alam," MP Ali Bagheri (Tehran), who chairs the security committee, described the '
                        "talks as one of the most serious rounds yet.\n\n"
                        "The response was predictable - Ismail Haniyeh has vowed that the resistance would continue."
                        "\n\nThe Israel–Gaza ceasefire negotiator John Smith said the talks would resume.\n")
    assert [q["speaker"]["text"] for q in quotes] == [
        "Kanaani", "MP Ali Bagheri (Tehran), who chairs the security committee,", "Ismail Haniyeh",
        "The Israel–Gaza ceasefire negotiator John Smith"]


def test_analyze_gives_an_impression_no_speaker_and_keeps_one_for_a_verb_read_as_an_adjective(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: "seemed to coalesce" is the writer's impression, so it has no speaker,
    # while "Trump blasted Disney" keeps Trump though the parser read "blasted" as an adjective on "Disney".
    quotes = _quotes_of(tmp_path, "The party seemed to coalesce around the governor after the debate in Iowa.\n\n"
                        "In March, Trump blasted Disney for its labour practices in Florida.\n")
    by_cue = {q["cue"]["text"]: q["speaker"] for q in quotes}
    assert by_cue["seemed"] is None
    assert by_cue["blasted"]["text"] == "Trump"


def test_analyze_keeps_the_speaker_of_a_cue_the_parser_read_as_a_noun_or_a_participle(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: a headline verb read as a noun after its holder, and a verb after an
    # apposition's closing comma read as a participle on the apposition's last noun.
    quotes = _quotes_of(tmp_path, "Trump charges that Iran is funding the attacks.\n\n"
                        "Foreign Minister Hossein Amir-Abdollahian, Zarif's successor in the new government, called "
                        "Monday for an end to the siege.\n")
    assert [q["speaker"]["text"] for q in quotes] == [
        "Trump", "Foreign Minister Hossein Amir-Abdollahian, Zarif's successor in the new government,"]


def test_analyze_keeps_the_day_of_a_statement_out_of_what_was_said(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: wire copy puts the day between the cue and what was said, and the
    # parser reads it as the cue's object ("called Friday for") or into the reported clause's subject ("said on
    # Sunday leader Kim ...").
    quotes = _quotes_of(tmp_path, "Attorney General Mohammad Jafar Montazeri (Iran), Raisi's rival in the upcoming "
                        "election, called Friday for releasing the prisoners.\n\n"
                        "KCNA said on Sunday leader Kim Jong Un had overseen a test of a new missile.\n")
    got = [(q["cue"]["text"], q["speaker"]["text"], q["text"]) for q in quotes]
    assert got == [
        ("called Friday for", "Attorney General Mohammad Jafar Montazeri (Iran), Raisi's rival in the upcoming "
         "election,", "releasing the prisoners"),
        ("said", "KCNA", "leader Kim Jong Un had overseen a test of a new missile"),
    ]


def test_analyze_gives_a_headline_and_its_lead_separate_claims_with_the_level_each_gives(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: the parser runs the headline into the lead, but each is its own claim,
    # and a figure that counts nothing measures what it is the level of ("the death toll had risen to 35,000").
    article = tmp_path / "toll.txt"
    article.write_text("Gaza death toll passes 35,000\n\nThe Palestinian Ministry of Health in Gaza said Thursday the "
                       "death toll had risen to 35,000.\n\nUnemployment in the West Bank fell to 24 percent.\n",
                       encoding="utf-8")
    proc = run("analyze", str(article), "--format", "jsonl", "--quiet", "--layers", "nlp,quotes,claims")
    assert proc.returncode == 0, proc.stderr
    claims = json.loads(proc.stdout)["claims"]
    assert [c["text"] for c in claims] == [
        "Gaza death toll passes 35,000",
        "The Palestinian Ministry of Health in Gaza said Thursday the death toll had risen to 35,000.",
        "Unemployment in the West Bank fell to 24 percent.",
    ]
    assert [[q["measure"] for q in c["quantities"]] for c in claims][1:] == [["death toll"], ["unemployment"]]


def _cue_speaker_text(quotes: list[dict]) -> list[tuple[str, str | None, str]]:
    """Each quote of an analysis as (cue, speaker's name or None, what was said)."""
    return [(q["cue"]["text"], (q["speaker"] or {}).get("name"), q["text"]) for q in quotes]


def _roles(analysis: dict) -> dict[str, list[str]]:
    """Each speaker's roles in an analysis, by name."""
    return {s["name"]: s["roles"] for s in analysis["speakers"]}


def _analyze_file(article: Path, text: str) -> dict:
    """Write `text` to `article` and return its analysis from `spinscope analyze --format jsonl`, as a user runs it."""
    article.write_text(text, encoding="utf-8")
    proc = run("analyze", str(article), "--format", "jsonl", "--quiet", "--layers", "nlp,quotes,claims")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _by_figure(analysis: dict) -> dict[str, tuple[str | None, dict]]:
    """Each quantity of an analysis by its text, with the name of its claim's speaker."""
    claimants = {s["id"]: s["name"] for s in analysis["speakers"]}
    return {q["text"]: (claimants.get(c["speaker_id"]), q) for c in analysis["claims"] for q in c["quantities"]}


def test_analyze_gives_wire_copy_its_speakers_titles_and_figures(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: a headline the parser runs into a dateline lead, a name it hangs on the
    # body a role heads, an "as" frame, an aside before what was said, and figures in a list of objects.
    analysis = _analyze_file(tmp_path / "irna.txt", (
        'Iran warns US against "adventurism" in Persian Gulf\n\n'
        'TEHRAN, Jan. 8 (IRNA) - Iranian Foreign Ministry spokesman Nasser Kanaani on Monday warned the United States '
        'against any "adventurism" in the Persian Gulf, saying Tehran would give a "crushing response" to any '
        'aggression.\n\n'
        "Meanwhile, the commander of the IRGC Navy, Rear Admiral Alireza Tangsiri, said on Sunday that Iranian naval "
        "forces had destroyed 12 drones and 3 speedboats over the past day.\n\n"
        "As TASS reported earlier, the Ukrainian side lost up to 300 servicemen in the area.\n\n"
        "The US State Department claimed, without providing evidence, that Iran had supplied drones to Russia.\n"))
    got = {q["cue"]["text"]: (q["speaker"]["name"], q["text"]) for q in analysis["quotes"]}
    assert got["saying"] == ("Nasser Kanaani", 'Tehran would give a "crushing response" to any aggression')
    assert got["said"] == ("Alireza Tangsiri", "that Iranian naval forces had destroyed 12 drones and 3 speedboats "
                                               "over the past day")
    assert got["reported"] == ("TASS", "the Ukrainian side lost up to 300 servicemen in the area")
    assert got["claimed"] == ("US State Department", "that Iran had supplied drones to Russia")
    roles = _roles(analysis)
    assert roles["Alireza Tangsiri"] == ["Rear Admiral", "commander of the IRGC Navy"]
    assert "commander of the IRGC Navy" not in roles["Nasser Kanaani"]
    measures = {q["text"]: q["measure"] for c in analysis["claims"] for q in c["quantities"]}
    assert measures["12"] == "drones destroyed" and measures["3"] == "speedboats destroyed"


def test_analyze_gives_irna_copy_its_frames_past_datelines_adverbs_and_conjoined_cues(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: a dateline before a trailing cue's statement, a name the parser hung on
    # a fronted place before an adverb and the cue, a cue conjoined to another, and a sentence opening "Said X:".
    analysis = _analyze_file(tmp_path / "irna.txt", (
        "TEHRAN, Jan. 8 (IRNA) - Iran will never negotiate under pressure, the Foreign Ministry spokesman said.\n\n"
        "At a weekly briefing in Tehran, Nasser Kanaani, the spokesman of the Foreign Ministry, sharply told "
        "reporters that the sanctions had failed.\n\n"
        "Kanaani said Iran would respond to any aggression and warned Washington against further sanctions.\n\n"
        'Said Kanaani: "The talks are over."\n'))
    quotes = _cue_speaker_text(analysis["quotes"])
    assert ("said", "Nasser Kanaani", "Iran will never negotiate under pressure") in quotes  # the role, named after
    assert ("said", "Nasser Kanaani", "Iran would respond to any aggression") in quotes
    got = {cue: (name, text) for cue, name, text in quotes}
    assert got["told"] == ("Nasser Kanaani", "that the sanctions had failed")
    assert got["warned"][0] == "Nasser Kanaani"
    assert got["Said"] == ("Nasser Kanaani", '"The talks are over."')
    roles = _roles(analysis)
    assert "spokesman of the Foreign Ministry" in roles["Nasser Kanaani"]


def test_analyze_reads_statements_through_their_channel_and_skips_the_outlets_notes(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: a verb and its channel joined to the participle that says what, and an
    # editor's note (wrapped over lines) and a reporter's credit line under the article, which hold no quote.
    analysis = _analyze_file(tmp_path / "huffpost.txt", (
        "Hamas issued a statement Thursday, saying that the truce proposal was \"a trap.\"\n\n"
        "Editor’s note: Donald Trump regularly\nincites\npolitical violence and is a serial liar who has\n"
        "repeatedly pledged to ban all Muslims from\nentering the U.S.\n\n"
        "Jane Roe reported from Gaza City.\n"))
    quotes = _cue_speaker_text(analysis["quotes"])
    assert quotes == [("issued a statement Thursday, saying", "Hamas", 'that the truce proposal was "a trap."')]


def test_analyze_reads_a_title_case_headline_as_a_sentence(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: the headline in title case says who said what, its people are two
    # entities (it was one PERSON, "Hillary Clinton Slams Donald Trump", and no quote), and its count is hedged.
    analysis = _analyze_file(tmp_path / "headline.txt", (
        "Hillary Clinton Slams Donald Trump Over 150 Layoffs\n\n"
        "Hillary Clinton on Monday criticised Donald Trump over the layoffs at his company. "
        "Trump did not comment.\n"))
    assert ("Slams", "Hillary Clinton", "Donald Trump Over 150 Layoffs") in _cue_speaker_text(analysis["quotes"])
    headline = [(e["text"], e["label"]) for e in analysis["entities"] if e["end"] <= 51]
    assert headline == [("Hillary Clinton", "PERSON"), ("Donald Trump", "PERSON")]
    figures = [q for c in analysis["claims"] for q in c["quantities"]]
    assert [(q["text"], q["low"], q["approximate"]) for q in figures] == [("Over 150", 150, True)]


def test_analyze_gives_tass_and_xinhua_copy_its_speakers_and_figures(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: "In his words", "the ministry" after the ministry's name, a title the
    # tagger takes into a name, a role naming another country (neither Ryabkov's nor Mao Ning's, named after it),
    # and a sum of money a verb brings to a level.
    analysis = _analyze_file(tmp_path / "tass.txt", (
        "MOSCOW, June 3. /TASS/. The Russian Defense Ministry said on Monday that its forces had repelled seven "
        "attacks.\n\n"
        "Air defense systems destroyed 24 drones overnight, the ministry said.\n\n"
        'Russian Deputy Foreign Minister Sergei Ryabkov spoke on Tuesday. In his words, the West has crossed "all '
        'red lines."\n\n'
        "The Iranian president urged Muslim countries to cut ties with Israel.\n\n"
        "Spokesperson Mao Ning made the remarks at a regular press briefing. Mao said China's trade surplus widened "
        "to $82.6 billion in May.\n"))
    got = {q["text"]: (q["speaker"] or {}).get("name") for q in analysis["quotes"]}
    assert got["Air defense systems destroyed 24 drones overnight"] == "Russian Defense Ministry"
    assert got['the West has crossed "all red lines."'] == "Sergei Ryabkov"
    assert got["to cut ties with Israel"] is None
    assert got["China's trade surplus widened to $82.6 billion in May"] == "Mao Ning"
    roles = _roles(analysis)
    assert roles["Sergei Ryabkov"] == ["Russian Deputy Foreign Minister"]
    assert roles["Mao Ning"] == ["Spokesperson"] and "Mao" not in roles
    measures = {q["text"]: (q["measure"], q["time"]) for c in analysis["claims"] for q in c["quantities"]}
    assert measures["$82.6 billion"] == ("trade surplus", "May")


def test_analyze_reads_a_press_tv_style_report_and_an_economic_release(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: a headline the parser ran into the lead left the lead's role without a
    # speaker; "made the remarks" was an attribution; "Secretary General" was split at "General"; the unnamed
    # spokesman's role went to the next person named; "(NBS)" made a second speaker; a fraction, a period and a
    # change in percentage points had no quantity, no time or the wrong unit.
    analysis = _analyze_file(tmp_path / "wire.txt", (
        "Iran warns Israel against any 'miscalculation'\n\n"
        "Iran's Armed Forces chief of staff has warned the Israeli regime against any miscalculation, saying the "
        'Islamic Republic\'s response would be "crushing."\n\n'
        "Major General Mohammad Bagheri made the remarks on Sunday in a meeting with commanders in Tehran.\n\n"
        "Hezbollah Secretary General Sayyed Hassan Nasrallah said the resistance front was united.\n\n"
        "A spokesman for the Foreign Ministry released a statement on Tuesday. This is an open provocation, the "
        "spokesman said.\n\n"
        "The unemployment rate averaged 5.2 percent, down 0.4 percentage points, the National Bureau of Statistics "
        "(NBS) said. Nearly half of the schools have closed over the past 24 hours, the NBS said.\n"))
    said = {q["text"]: (q["speaker"] or {}).get("name") for q in analysis["quotes"]}
    assert said["the Islamic Republic's response would be \"crushing.\""] == "Mohammad Bagheri"
    assert not any(text.startswith("the remarks") for text in said)
    assert said["This is an open provocation"] is None
    assert {said[t] for t in said if "percent" in t or "schools" in t} == {"National Bureau of Statistics"}
    roles = {s["name"]: s["roles"] for s in analysis["speakers"]}
    assert roles["Hassan Nasrallah"][0] == "Hezbollah Secretary General"
    quantities = {q["text"]: q for c in analysis["claims"] for q in c["quantities"]}
    assert (quantities["0.4 percentage points"]["unit"], quantities["0.4 percentage points"]["measure"]) == (
        "percentage points", "change in unemployment rate")
    half = quantities["Nearly half"]
    assert (half["high"], half["unit"], half["measure"], half["time"]) == (50, "percent", "share of the schools",
                                                                           "the past 24 hours")


def test_analyze_reads_tass_sputnik_and_xinhua_style_copy(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: a headline's source after its dash was no attribution; "the statement
    # read" had no speaker, so its figures were the outlet's; "Wang said" was a second speaker beside Wang Wenbin;
    # "The Israeli military claims ..." (read as a noun phrase) had no speaker, and its figure was the outlet's; a
    # headline's "material damage reported" was an attribution; "were still missing" measured "people missed".
    analysis = _analyze_file(tmp_path / "wire.txt", (
        "Russian Forces Repel 7 Ukrainian Attacks in Donetsk Direction - MoD\n\n"
        "MOSCOW (Sputnik) - Russian troops have repelled seven attacks over the past day, the Russian Defense "
        "Ministry said in a statement on Tuesday.\n\n"
        "The Ukrainian army lost up to 250 servicemen in this direction, the statement read.\n\n"
        "Israeli aggression on Damascus countryside, material damage reported\n\n"
        "Foreign Ministry spokesperson Wang Wenbin made the remarks at a daily press briefing.\n\n"
        '"The U.S. side should abide by the three China-U.S. joint communiques," Wang said.\n\n'
        "The Israeli military claims it has killed more than 10,000 Hamas fighters, a figure the resistance "
        "movement has rejected. Some 7,000 people were still missing under the rubble, the ministry said.\n"))
    said = {q["text"]: (q["speaker"] or {}).get("name") for q in analysis["quotes"]}
    assert said["Russian Forces Repel 7 Ukrainian Attacks in Donetsk Direction"] == "MoD"
    assert not any(q["speaker"] and q["speaker"]["text"] == "material damage" for q in analysis["quotes"])
    by_figure = _by_figure(analysis)
    assert by_figure["up to 250"][0] == "Russian Defense Ministry"
    assert by_figure["three"][0] == "Wang Wenbin"
    assert by_figure["more than 10,000"][0] == "Israeli military"
    assert by_figure["7"][1]["measure"] == "attacks repelled"
    assert by_figure["Some 7,000"][1]["measure"] == "people missing"
    assert [s["name"] for s in analysis["speakers"]].count("Wang Wenbin") == 1


def test_analyze_reads_irna_anadolu_and_prensa_latina_style_copy(tmp_path: Path) -> None:
    # Through `spinscope analyze` on a file: "the ministry said on X." had content "on X."; "The top Iranian
    # diplomat" was the city "Muscat", so his figure was the city's; "Iran's FM:" had no speaker; Prensa Latina's
    # dateline was part of the minister's source and role; "damages worth 5 billion dollars" measured nothing.
    analysis = _analyze_file(tmp_path / "wire.txt", (
        "Iran's FM: Western sanctions are crime against humanity\n\n"
        "Tehran, IRNA -- Iranian Foreign Minister Hossein Amir-Abdollahian has said that unilateral sanctions are a "
        '"crime against humanity".\n\n'
        "The Omani foreign minister, for his part, said Muscat will continue its efforts to help the parties reach an "
        "agreement.\n\n"
        "The top Iranian diplomat also said that nearly 4 million Afghan refugees live in Iran.\n\n"
        "The terrorists were neutralized in the Claw-Lock operation zone, the ministry said on X.\n\n"
        "Havana, Oct 30 (Prensa Latina) Cuban Foreign Minister Bruno Rodriguez affirmed on Wednesday that the US "
        "blockade caused damages worth 5 billion dollars.\n"))
    said = {q["text"]: (q["speaker"] or {}) for q in analysis["quotes"]}
    assert said["Western sanctions are crime against humanity"]["name"] == "Hossein Amir-Abdollahian"
    assert said["The terrorists were neutralized in the Claw-Lock operation zone"]["text"] == "the ministry"
    rodriguez = next(s for s in analysis["speakers"] if s["name"] == "Bruno Rodriguez")
    assert rodriguez["roles"] == ["Cuban Foreign Minister"]
    assert "Muscat" not in [s["name"] for s in analysis["speakers"]]
    by_figure = _by_figure(analysis)
    assert by_figure["nearly 4 million"][0] == "Hossein Amir-Abdollahian"
    assert by_figure["5 billion dollars"][0] == "Bruno Rodriguez"
    assert by_figure["5 billion dollars"][1]["measure"] == "value of damages"


def test_analyze_reads_a_foreign_ministry_briefing_and_a_kremlin_readout(tmp_path: Path) -> None:
    # Through `spinscope analyze` on files: a briefing's "A:" answers had no speaker, so the figure in one was the
    # outlet's; "The Kremlin press service" was no speaker (the tagger labels "Kremlin" alone); "fell by
    # two-thirds" was the count 2 of "thirds".
    briefing = _analyze_file(tmp_path / "mfa.txt", (
        "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on March 5\n\n"
        "Q: The US State Department said that China has detained over 100 lawyers. What's your comment?\n\n"
        "A: The so-called report is full of lies. Trade between China and the US fell by two-thirds in the 1990s, "
        "and it has grown since.\n"))
    (answer,) = [q for q in briefing["quotes"] if (q["speaker"] or {}).get("text") == "A"]
    assert answer["speaker"]["name"] == "Lin Jian"
    by_figure = _by_figure(briefing)
    assert by_figure["over 100"][0] == "US State Department"
    assert (by_figure["two-thirds"][0], by_figure["two-thirds"][1]["value"], by_figure["two-thirds"][1]["unit"]) == (
        "Lin Jian", 66.7, "percent")
    readout = _analyze_file(tmp_path / "kremlin.txt", (
        "Telephone conversation with President of Turkey Recep Tayyip Erdogan\n\n"
        "Vladimir Putin stressed that the top priority was to stop the bloodshed.\n\n"
        "Recep Tayyip Erdogan said on Tuesday that Turkey was ready to act as a guarantor of any settlement.\n\n"
        "The Kremlin press service said the conversation was frank and constructive.\n"))
    names = [(q["speaker"] or {}).get("name") for q in readout["quotes"]]
    # (Here the tagger knows "Tayyip Erdogan" as a person, and leaves "Recep" out of the name.)
    assert names == ["Vladimir Putin", "Tayyip Erdogan", "Kremlin press service"]


def test_analyze_reads_belta_wafa_and_cgtn_style_copy(tmp_path: Path) -> None:
    # Through `spinscope analyze` on files: BelTA's day-first dateline and ", BelTA has learned." made BelTA the
    # content and "the head of state"; WAFA's "The Ministry" and "It" had no speaker, and its running total of
    # injured had no time; CGTN's "Lula said" was no one and "the two sides" a count.
    belta = _analyze_file(tmp_path / "belta.txt", (
        "Lukashenko: Belarus will never be a threat to its neighbours\n\n"
        "MINSK, 3 July (BelTA) - Belarus has never threatened anyone, Belarusian President Aleksandr Lukashenko said "
        "at a ceremony in Minsk, BelTA has learned.\n\n"
        '"Over 30,000 NATO troops are now stationed in Poland," the head of state noted.\n'))
    assert belta["meta"]["dateline"] == "Minsk"
    assert [s["name"] for s in belta["speakers"]] == ["Aleksandr Lukashenko"]
    assert _by_figure(belta)["Over 30,000"][0] == "Aleksandr Lukashenko"
    wafa = _analyze_file(tmp_path / "wafa.txt", (
        "GAZA, November 8, 2024 (WAFA) – The death toll has risen to 43,603, the Ministry of Health said.\n\n"
        "The Ministry added that 102,929 others have been injured since the start of the aggression.\n\n"
        "It pointed out that the occupation forces killed 51 citizens in the past 24 hours.\n"))
    by_figure = _by_figure(wafa)
    assert {by_figure[f][0] for f in ("43,603", "102,929", "51")} == {"Ministry of Health"}
    assert by_figure["102,929"][1]["time"] == "since the start of the aggression"
    cgtn = _analyze_file(tmp_path / "cgtn.txt", (
        "Xi Jinping meets Brazilian President Lula\n\n"
        "Chinese President Xi Jinping held talks with Brazilian President Luiz Inacio Lula da Silva on Wednesday.\n\n"
        "The two sides should deepen cooperation, Xi said.\n\n"
        "Lula said bilateral trade reached 181.5 billion U.S. dollars in 2023.\n"))
    by_figure = _by_figure(cgtn)
    assert sorted(by_figure) == ["181.5 billion U.S. dollars"]
    assert by_figure["181.5 billion U.S. dollars"][0] == "Luiz Inacio Lula da Silva"
    assert by_figure["181.5 billion U.S. dollars"][1]["measure"] == "trade"
