"""Server messages in the caller's language: the catalogues are current and complete, and
answers follow Accept-Language while their codes stay the same."""

from __future__ import annotations

import string
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import crm
from tests.helpers import problem

BACKEND = Path(crm.__file__).parent
TRANSLATIONS = BACKEND / "translations"
LOCALES = ("en_US", "zh_Hans_CN")


def _catalogue(locale: str, kind: str):
    path = TRANSLATIONS / locale / "LC_MESSAGES" / f"messages.{kind}"
    with path.open("rb") as file:
        return read_po(file) if kind == "po" else read_mo(file)


def _source_messages() -> set[str]:
    """What `make translations` extracts: every message marked with N_."""
    found = extract_from_dir(str(BACKEND), method_map=[("**.py", "python")], keywords={"N_": None})
    return {message for _file, _line, message, _comments, _context in found}


def test_the_catalogues_hold_exactly_the_messages_of_the_source():
    source = _source_messages()
    assert len(source) > 150
    for locale in LOCALES:
        catalogue = {message.id for message in _catalogue(locale, "po") if message.id}
        assert not source - catalogue, f"{locale}: run `make translations` to add these"
        assert not catalogue - source, f"{locale}: run `make translations` to drop these"


def test_every_message_has_a_chinese_translation():
    catalogue = _catalogue("zh_Hans_CN", "po")
    untranslated = [m.id for m in catalogue if m.id and (not m.string or m.fuzzy)]
    assert not untranslated, (
        f"Translate these in zh_Hans_CN/LC_MESSAGES/messages.po: {untranslated}"
    )


def test_translations_keep_the_placeholders_of_their_message():
    for message in _catalogue("zh_Hans_CN", "po"):
        if message.id and "{" in message.id:
            assert sorted(_placeholders(message.string)) == sorted(_placeholders(message.id))


def _placeholders(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_the_compiled_catalogues_match_their_sources():
    for locale in LOCALES:
        po = {m.id: m.string for m in _catalogue(locale, "po") if m.id and m.string}
        mo = {m.id: m.string for m in _catalogue(locale, "mo") if m.id}
        assert mo == po, f"{locale}: run `make translations` to compile messages.mo"


def test_answers_follow_accept_language_and_keep_their_codes(login_as):
    client = login_as("sales")
    english = problem(client.get("/api/v1/leads/2147483000"), 404)
    chinese = problem(
        client.get("/api/v1/leads/2147483000", headers={"Accept-Language": "zh-CN,zh;q=0.9"}),
        404,
    )
    assert english["detail"] == "No such lead."
    assert chinese["detail"] == "线索不存在。"
    assert english["code"] == chinese["code"] == "lead_not_found"


def test_field_messages_are_translated_and_coded_from_the_english_text(login_as):
    client = login_as("sales")
    response = client.post(
        "/api/v1/leads",
        json={"name": "x" * 300, "email": "not-an-email", "status": "nope"},
        headers={"Accept-Language": "zh-CN"},
    )
    body = problem(response, 422)
    assert response.headers["Content-Language"] == "zh-CN"
    assert "Accept-Language" in response.headers["Vary"]
    assert body["errors"]["email"] == ["邮箱地址无效。"]
    assert body["error_codes"]["email"] == ["invalid_email"]
    assert body["errors"]["name"] == ["最多 200 个字符。"]
    assert body["error_codes"]["name"] == ["too_long"]
    assert body["errors"]["status"][0].startswith("必须是以下之一：")
    assert body["error_codes"]["status"] == ["invalid_choice"]


def test_an_unknown_language_is_answered_in_english(login_as):
    client = login_as("sales")
    response = client.get("/api/v1/leads/2147483000", headers={"Accept-Language": "fr-FR"})
    assert problem(response, 404)["detail"] == "No such lead."
    assert response.headers["Content-Language"] == "en-US"


def test_english_answers_reword_the_terse_library_messages(login_as):
    client = login_as("sales")
    body = problem(client.post("/api/v1/leads", json={"email": "a@example.com"}), 422)
    assert body["detail"] == "Some fields are not valid."
    assert body["errors"]["name"] == ["This is required."]
    assert body["error_codes"]["name"] == ["required"]
