"""Message codes and the one catalogue that turns them into sentences (Danish first, English later).

A rule never writes a finished sentence: it returns or raises a ``Message`` (a code with its
parameters), e.g. ``Msg.TOO_FEW_COMPANIES(count=2, minimum=3)``. The app and the server render
the same message from this catalogue, so a refusal reads the same on the laptop and in a push
answer; a push answer also carries the code and parameters, so a client can render it in its own
language.

Templates are ``str.format`` templates with a few format specs of our own:

- ``{amount:kr}``   øre as Danish money (``25.000,00 kr.``)
- ``{n:int}``       a whole number with Danish thousands separators (``11.966``)
- ``{bp:pct}``      basis points as a percent (``1.250`` → ``12,5 %``)
- ``{d:date}``      a date or ISO date text as ``7. marts 2025``
- ``{n:plural:virksomhed|virksomheder}``  the word for ``n`` (one | other), without the number
- ``{text:q}``      text in Danish quotes (``»…«``)
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

DEFAULT_LANGUAGE = "da"
LANGUAGES = ("da", "en")


@dataclass(frozen=True)
class Message:
    """A code and its parameters; ``str()`` gives the Danish sentence."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        return render(self, language)

    def __str__(self) -> str:
        return self.render()

    def as_json(self) -> dict[str, Any]:
        """Code and parameters as plain JSON values (what a push answer carries)."""
        return {"code": self.code, "params": {k: _jsonable(v) for k, v in self.params.items()}}


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) else str(value)


class Code(str):
    """A message code; calling it with parameters makes the ``Message``."""

    __slots__ = ()

    def __call__(self, **params: Any) -> Message:
        return Message(str(self), params)


def plural_form(n: int | float, language: str = DEFAULT_LANGUAGE) -> int:
    """0 for the singular ("one"), 1 for every other count (CLDR's Danish and English rule for
    whole numbers: one exactly when n is 1)."""
    return 0 if n == 1 else 1


class _Formatter(string.Formatter):
    def __init__(self, language: str) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        from . import numbers  # numbers raises messages of this module: imported late

        kind, _, rest = format_spec.partition(":")
        if kind == "kr":
            return numbers.format_kr(int(value))
        if kind == "int":
            return numbers.format_int(int(value))
        if kind == "pct":
            return numbers.format_percent_bp(int(value))
        if kind == "date":
            return numbers.format_date(value)
        if kind == "plural":
            forms = rest.split("|")
            return forms[min(plural_form(value, self.language), len(forms) - 1)]
        if kind == "q":
            return f"»{value}«" if self.language == "da" else f"“{value}”"
        return super().format_field(value, format_spec)


def render(message: Message, language: str = DEFAULT_LANGUAGE) -> str:
    entry = CATALOGUE.get(message.code)
    if entry is None:
        return message.code
    template = entry.get(language) or entry[DEFAULT_LANGUAGE]
    try:
        return _Formatter(language).vformat(template, (), dict(message.params))
    except (KeyError, IndexError, ValueError, TypeError):
        # A message from a newer peer with other parameters: say what we can, never fail.
        return template


def render_all(messages: list[Message], language: str = DEFAULT_LANGUAGE) -> str:
    return " ".join(m.render(language) for m in messages)


def from_json(value: Any) -> Message | None:
    """A message as a push answer carries it, or None if it is not one."""
    if not isinstance(value, dict) or not isinstance(value.get("code"), str):
        return None
    params = value.get("params")
    return Message(value["code"], params if isinstance(params, dict) else {})


class Msg:
    """Every message code. Add the code here and its texts to ``CATALOGUE`` below."""

    # Network composition and size (seed 3. Indhold, pkt. 1)
    TOO_FEW_COMPANIES = Code("too_few_companies")
    TOO_MANY_KNOWLEDGE_INSTITUTIONS = Code("too_many_knowledge_institutions")

    # --- rules: stages, budget, application, CVR, CSV import (codes of existing rules go here)

    # --- numbers: parsing Danish numbers, money, percent and dates
    NUMBER_MISSING = Code("number_missing")
    NUMBER_NOT_WHOLE = Code("number_not_whole")
    NUMBER_NOT_AN_AMOUNT = Code("number_not_an_amount")
    NUMBER_NOT_A_PERCENT = Code("number_not_a_percent")
    NUMBER_BAD_GROUPING = Code("number_bad_grouping")
    NUMBER_TWO_COMMAS = Code("number_two_commas")
    NUMBER_AMOUNT_DECIMALS = Code("number_amount_decimals")
    NUMBER_PERCENT_DECIMALS = Code("number_percent_decimals")
    NUMBER_NEGATIVE = Code("number_negative")
    NUMBER_TOO_LARGE = Code("number_too_large")
    DATE_NOT_A_DATE = Code("date_not_a_date")
    DATE_NO_SUCH_MONTH = Code("date_no_such_month")
    DATE_NO_SUCH_DAY = Code("date_no_such_day")

    # --- server: the server's own refusals (stage authority, frozen screenings, decisions)

    # --- schema: per-entity validation of pushed records

    # --- figures: programme figures and stats

    # --- demo: demo data and the demo programme

    # --- ui: texts of the app's screens (plurals, counts)

    # --- more
    # Pulled records this computer cannot store (sync/apply.py): parked with one of these reasons.
    # ``field`` and ``entity``/``parent`` are the sync names; the sync page shows their labels.
    PULLED_NOT_A_TIME = Code("pulled_not_a_time")
    PULLED_NOT_A_DATE = Code("pulled_not_a_date")
    PULLED_NOT_A_WHOLE_NUMBER = Code("pulled_not_a_whole_number")
    PULLED_NOT_YES_OR_NO = Code("pulled_not_yes_or_no")
    PULLED_NOT_TEXT = Code("pulled_not_text")
    PULLED_WRONG_SHAPE = Code("pulled_wrong_shape")
    PULLED_UNKNOWN_VALUE = Code("pulled_unknown_value")
    PULLED_FIELD_MISSING = Code("pulled_field_missing")
    PULLED_UNKNOWN_KIND = Code("pulled_unknown_kind")
    PULLED_MALFORMED = Code("pulled_malformed")
    PULLED_WAITING_FOR_PARENT = Code("pulled_waiting_for_parent")
    # After a sync (``maegler sync``, the sync page): how many pulled records are parked
    PULLED_NOT_STORED = Code("pulled_not_stored")

    # Form definitions published by Væksthus (sync/forms.py, forms/diff.py, the Skemaer view)
    FORM_NOT_USABLE = Code("form_not_usable")
    FORM_OTHER_BODY = Code("form_other_body")
    FORM_MALFORMED = Code("form_malformed")
    FORMS_NOT_USED = Code("forms_not_used")
    FORMS_FETCHED = Code("forms_fetched")
    FORMS_NOT_FETCHED = Code("forms_not_fetched")
    FORM_DIFF_NEW_FORM = Code("form_diff_new_form")
    FORM_DIFF_NOTHING = Code("form_diff_nothing")
    FORM_DIFF_TITLE = Code("form_diff_title")
    FORM_DIFF_SECTION_ADDED = Code("form_diff_section_added")
    FORM_DIFF_SECTION_REMOVED = Code("form_diff_section_removed")
    FORM_DIFF_SECTION_RENAMED = Code("form_diff_section_renamed")
    FORM_DIFF_QUESTION_ADDED = Code("form_diff_question_added")
    FORM_DIFF_QUESTION_REMOVED = Code("form_diff_question_removed")
    FORM_DIFF_QUESTION_MOVED = Code("form_diff_question_moved")
    FORM_DIFF_QUESTION_TEXT = Code("form_diff_question_text")
    FORM_DIFF_QUESTION_KIND = Code("form_diff_question_kind")
    FORM_DIFF_QUESTION_REQUIRED = Code("form_diff_question_required")
    FORM_DIFF_QUESTION_OPTIONAL = Code("form_diff_question_optional")
    FORM_DIFF_QUESTION_OPTIONS = Code("form_diff_question_options")
    FORM_DIFF_QUESTION_HELP = Code("form_diff_question_help")
    FORM_DIFF_QUESTION_CONDITION = Code("form_diff_question_condition")
    FORM_DIFF_QUESTION_LIMITS = Code("form_diff_question_limits")
    FORM_DIFF_RULE_ADDED = Code("form_diff_rule_added")
    FORM_DIFF_RULE_REMOVED = Code("form_diff_rule_removed")
    FORM_DIFF_RULE_CHANGED = Code("form_diff_rule_changed")
    FORM_VERSION_NOT_HIGHER = Code("form_version_not_higher")
    FORM_PUBLISHED = Code("form_published")
    FORM_VALID = Code("form_valid")
    FORMS_SERVER_SILENT = Code("forms_server_silent")


# code → language → template. Danish is the source; a missing English text falls back to Danish.
CATALOGUE: dict[str, dict[str, str]] = {
    Msg.TOO_FEW_COMPANIES: {
        "da": "Netværket har {count:int} {count:plural:uafhængig virksomhed|uafhængige virksomheder}; "
        "der skal være mindst {minimum:int}.",
        "en": "The network has {count:int} independent {count:plural:company|companies}; "
        "it needs at least {minimum:int}.",
    },
    Msg.TOO_MANY_KNOWLEDGE_INSTITUTIONS: {
        "da": "Netværket har {count:int} {count:plural:videninstitution|videninstitutioner}; "
        "der må højst være {maximum:int}.",
        "en": "The network has {count:int} knowledge {count:plural:institution|institutions}; "
        "at most {maximum:int} are allowed.",
    },
    # --- rules: stages, budget, application, CVR, CSV import
    #
    #
    # --- numbers: parsing Danish numbers, money, percent and dates
    # ``field`` is the label of what was typed, ``text`` the text as typed.
    Msg.NUMBER_MISSING: {
        "da": "{field} mangler.",
        "en": "{field} is missing.",
    },
    Msg.NUMBER_NOT_WHOLE: {
        "da": "{field}: {text:q} er ikke et helt tal.",
        "en": "{field}: {text:q} is not a whole number.",
    },
    Msg.NUMBER_NOT_AN_AMOUNT: {
        "da": "{field}: {text:q} er ikke et beløb. Skriv fx 1.234,50.",
        "en": "{field}: {text:q} is not an amount. Write it the Danish way, e.g. 1.234,50.",
    },
    Msg.NUMBER_NOT_A_PERCENT: {
        "da": "{field}: {text:q} er ikke en procentsats. Skriv fx 33,33.",
        "en": "{field}: {text:q} is not a percentage. Write it the Danish way, e.g. 33,33.",
    },
    Msg.NUMBER_BAD_GROUPING: {
        "da": "{field}: {text:q} kan ikke læses sikkert. Punktum (eller mellemrum) står mellem tusinder "
        "og følges af præcis tre cifre, fx 1.500; decimaler skrives efter komma, fx 1,5.",
        "en": "{field}: {text:q} cannot be read safely. A point (or a space) separates thousands and is "
        "followed by exactly three digits, e.g. 1.500; decimals follow a comma, e.g. 1,5.",
    },
    Msg.NUMBER_TWO_COMMAS: {
        "da": "{field}: {text:q} har mere end ét komma; komma står kun foran decimalerne.",
        "en": "{field}: {text:q} has more than one comma; a comma only comes before the decimals.",
    },
    Msg.NUMBER_AMOUNT_DECIMALS: {
        "da": "{field}: {text:q} har mere end to decimaler; et beløb angives i hele øre.",
        "en": "{field}: {text:q} has more than two decimals; an amount is given in whole øre.",
    },
    Msg.NUMBER_PERCENT_DECIMALS: {
        "da": "{field}: {text:q} har mere end to decimaler; en procentsats angives med højst to, fx 33,33.",
        "en": "{field}: {text:q} has more than two decimals; a percentage has at most two, e.g. 33,33.",
    },
    Msg.NUMBER_NEGATIVE: {
        "da": "{field}: {text:q} er et negativt tal, og det er ikke tilladt her.",
        "en": "{field}: {text:q} is negative, which is not allowed here.",
    },
    Msg.NUMBER_TOO_LARGE: {
        "da": "{field}: {text:q} er et for stort tal.",
        "en": "{field}: {text:q} is too large a number.",
    },
    Msg.DATE_NOT_A_DATE: {
        "da": "{field}: {text:q} er ikke en dato. Skriv fx 7.3.2025.",
        "en": "{field}: {text:q} is not a date. Write day.month.year, e.g. 7.3.2025.",
    },
    Msg.DATE_NO_SUCH_MONTH: {
        "da": "{field}: {text:q} er ikke en dato; der er ingen måned {month}.",
        "en": "{field}: {text:q} is not a date; there is no month {month}.",
    },
    Msg.DATE_NO_SUCH_DAY: {
        "da": "{field}: {text:q} er ikke en dato; måned {month} i {year} har {days} dage.",
        "en": "{field}: {text:q} is not a date; month {month} of {year} has {days} days.",
    },
    #
    # --- server: the server's own refusals (stage authority, frozen screenings, decisions)
    #
    #
    # --- schema: per-entity validation of pushed records
    #
    #
    # --- figures: programme figures and stats
    #
    #
    # --- demo: demo data and the demo programme
    #
    #
    # --- ui: texts of the app's screens (plurals, counts)
    #
    #
    # --- more
    Msg.PULLED_NOT_A_TIME: {
        "da": "Feltet {field:q} skal være et tidspunkt, men serveren sendte {value:q}.",
        "en": "The field {field:q} must be a date and time, but the server sent {value:q}.",
    },
    Msg.PULLED_NOT_A_DATE: {
        "da": "Feltet {field:q} skal være en dato, men serveren sendte {value:q}.",
        "en": "The field {field:q} must be a date, but the server sent {value:q}.",
    },
    Msg.PULLED_NOT_A_WHOLE_NUMBER: {
        "da": "Feltet {field:q} skal være et helt tal, men serveren sendte {value:q}.",
        "en": "The field {field:q} must be a whole number, but the server sent {value:q}.",
    },
    Msg.PULLED_NOT_YES_OR_NO: {
        "da": "Feltet {field:q} skal være ja eller nej, men serveren sendte {value:q}.",
        "en": "The field {field:q} must be yes or no, but the server sent {value:q}.",
    },
    Msg.PULLED_NOT_TEXT: {
        "da": "Feltet {field:q} skal være tekst, men serveren sendte {value:q}.",
        "en": "The field {field:q} must be text, but the server sent {value:q}.",
    },
    Msg.PULLED_WRONG_SHAPE: {
        "da": "Feltet {field:q} er ikke opbygget, som Mægler kender det; serveren sendte {value:q}.",
        "en": "The field {field:q} is not built the way Mægler knows; the server sent {value:q}.",
    },
    Msg.PULLED_UNKNOWN_VALUE: {
        "da": "Feltet {field:q} har værdien {value:q}, som denne udgave af Mægler ikke kender. "
        "Opdatér Mægler.",
        "en": "The field {field:q} has the value {value:q}, which this version of Mægler does not know. "
        "Update Mægler.",
    },
    Msg.PULLED_FIELD_MISSING: {
        "da": "Feltet {field:q} mangler, og posten kan ikke gemmes uden det.",
        "en": "The field {field:q} is missing, and the record cannot be stored without it.",
    },
    Msg.PULLED_UNKNOWN_KIND: {
        "da": "Denne udgave af Mægler kender ikke poster af typen {entity:q}. Opdatér Mægler.",
        "en": "This version of Mægler does not know records of the type {entity:q}. Update Mægler.",
    },
    Msg.PULLED_MALFORMED: {
        "da": "Posten fra serveren er ikke opbygget, som Mægler kender det (feltet {field:q}: {value:q}).",
        "en": "The record from the server is not built the way Mægler knows (the field {field:q}: {value:q}).",
    },
    Msg.PULLED_WAITING_FOR_PARENT: {
        "da": "Venter på den post, den hører til ({parent:q}), som ikke er kommet fra serveren.",
        "en": "Waiting for the record it belongs to ({parent:q}), which has not come from the server.",
    },
    Msg.PULLED_NOT_STORED: {
        "da": "{n:int} {n:plural:post|poster} fra serveren kunne ikke gemmes: se Synkronisering.",
        "en": "{n:int} {n:plural:record|records} from the server could not be stored: see Synkronisering.",
    },
    Msg.FORM_NOT_USABLE: {
        "da": "Denne udgave af Mægler kan ikke bruge skemaet: {reason} "
        "Nye screeninger bruger fortsat de skemaer, der er her.",
        "en": "This version of Mægler cannot use the form: {reason} "
        "New screenings go on using the forms already here.",
    },
    Msg.FORM_OTHER_BODY: {
        "da": "Skemaet {form:q} version {version:int} findes allerede her med et andet indhold; "
        "en ændret udgave skal udgives med et højere versionsnummer.",
        "en": "The form {form:q} version {version:int} is already here with other content; "
        "a changed form must be published with a higher version number.",
    },
    Msg.FORM_MALFORMED: {
        "da": "Serveren sendte et skema, der ikke er opbygget, som Mægler kender det ({field:q} mangler "
        "eller passer ikke).",
        "en": "The server sent a form that is not built the way Mægler knows ({field:q} is missing "
        "or does not match).",
    },
    Msg.FORMS_NOT_USED: {
        "da": "{n:int} {n:plural:skema|skemaer} fra Væksthus kunne ikke bruges: se Synkronisering.",
        "en": "{n:int} {n:plural:form|forms} from Væksthus could not be used: see Synkronisering.",
    },
    Msg.FORMS_FETCHED: {
        "da": "Hentet fra Væksthus: {names}. Nye screeninger bruger den nyeste version.",
        "en": "Fetched from Væksthus: {names}. New screenings use the newest version.",
    },
    Msg.FORMS_NOT_FETCHED: {
        "da": "Skemaerne fra Væksthus kunne ikke hentes denne gang ({reason}); de hentes ved næste "
        "synkronisering.",
        "en": "The forms from Væksthus could not be fetched this time ({reason}); they are fetched at "
        "the next synchronisation.",
    },
    Msg.FORM_DIFF_NEW_FORM: {
        "da": "Skemaet {form:q} er ikke udgivet før: alle {n:int} spørgsmål er nye.",
        "en": "The form {form:q} has not been published before: all {n:int} questions are new.",
    },
    Msg.FORM_DIFF_NOTHING: {
        "da": "Spørgsmålene og reglerne er de samme som i den udgivne version {version:int}.",
        "en": "The questions and rules are the same as in the published version {version:int}.",
    },
    Msg.FORM_DIFF_TITLE: {
        "da": "Skemaets titel er nu {new:q} (før {old:q}).",
        "en": "The form's title is now {new:q} (was {old:q}).",
    },
    Msg.FORM_DIFF_SECTION_ADDED: {
        "da": "Ny sektion {section:q} med {n:int} {n:plural:spørgsmål|spørgsmål}.",
        "en": "New section {section:q} with {n:int} {n:plural:question|questions}.",
    },
    Msg.FORM_DIFF_SECTION_REMOVED: {
        "da": "Sektionen {section:q} er fjernet med {n:int} {n:plural:spørgsmål|spørgsmål}.",
        "en": "The section {section:q} is removed with {n:int} {n:plural:question|questions}.",
    },
    Msg.FORM_DIFF_SECTION_RENAMED: {
        "da": "Sektionen {old:q} hedder nu {new:q}.",
        "en": "The section {old:q} is now called {new:q}.",
    },
    Msg.FORM_DIFF_QUESTION_ADDED: {
        "da": "Nyt spørgsmål i {section:q}: {label:q}.",
        "en": "New question in {section:q}: {label:q}.",
    },
    Msg.FORM_DIFF_QUESTION_REMOVED: {
        "da": "Spørgsmålet {label:q} er fjernet fra {section:q}.",
        "en": "The question {label:q} is removed from {section:q}.",
    },
    Msg.FORM_DIFF_QUESTION_MOVED: {
        "da": "Spørgsmålet {label:q} er flyttet fra {old:q} til {new:q}.",
        "en": "The question {label:q} is moved from {old:q} to {new:q}.",
    },
    Msg.FORM_DIFF_QUESTION_TEXT: {
        "da": "Spørgsmålet {old:q} lyder nu {new:q}.",
        "en": "The question {old:q} now reads {new:q}.",
    },
    Msg.FORM_DIFF_QUESTION_KIND: {
        "da": "Spørgsmålet {label:q} besvares nu som {new} (før {old}).",
        "en": "The question {label:q} is now answered as {new} (was {old}).",
    },
    Msg.FORM_DIFF_QUESTION_REQUIRED: {
        "da": "Spørgsmålet {label:q} skal nu besvares.",
        "en": "The question {label:q} must now be answered.",
    },
    Msg.FORM_DIFF_QUESTION_OPTIONAL: {
        "da": "Spørgsmålet {label:q} skal ikke længere besvares.",
        "en": "The question {label:q} no longer has to be answered.",
    },
    Msg.FORM_DIFF_QUESTION_OPTIONS: {
        "da": "Spørgsmålet {label:q} har andre valgmuligheder (nye: {added}; fjernet: {removed}).",
        "en": "The question {label:q} has other options (new: {added}; removed: {removed}).",
    },
    Msg.FORM_DIFF_QUESTION_HELP: {
        "da": "Spørgsmålet {label:q} har en ny hjælpetekst.",
        "en": "The question {label:q} has a new help text.",
    },
    Msg.FORM_DIFF_QUESTION_CONDITION: {
        "da": "Spørgsmålet {label:q} vises nu på en anden betingelse ({new}).",
        "en": "The question {label:q} is now shown on another condition ({new}).",
    },
    Msg.FORM_DIFF_QUESTION_LIMITS: {
        "da": "Spørgsmålet {label:q} har andre grænser for, hvad der kan svares.",
        "en": "The question {label:q} has other limits on what may be answered.",
    },
    Msg.FORM_DIFF_RULE_ADDED: {
        "da": "Ny regel for afgørelsen: {reason:q}.",
        "en": "New rule for the verdict: {reason:q}.",
    },
    Msg.FORM_DIFF_RULE_REMOVED: {
        "da": "Reglen for afgørelsen {reason:q} er fjernet.",
        "en": "The verdict rule {reason:q} is removed.",
    },
    Msg.FORM_DIFF_RULE_CHANGED: {
        "da": "Reglen for afgørelsen {reason:q} er ændret.",
        "en": "The verdict rule {reason:q} is changed.",
    },
    Msg.FORM_VERSION_NOT_HIGHER: {
        "da": "Skemaet {form:q} er udgivet i version {published:int}; den nye udgave skal have et højere "
        "versionsnummer end det (filen har version {version:int}).",
        "en": "The form {form:q} is published in version {published:int}; the new one must have a "
        "higher version number (the file has version {version:int}).",
    },
    Msg.FORM_PUBLISHED: {
        "da": "Skemaet {form:q} version {version:int} er udgivet. Mæglernes computere henter det ved "
        "næste synkronisering.",
        "en": "The form {form:q} version {version:int} is published. The brokers' computers fetch it at "
        "their next synchronisation.",
    },
    Msg.FORM_VALID: {
        "da": "Skemaet {form:q} version {version:int} er gyldigt: {n:int} {n:plural:spørgsmål|spørgsmål} i "
        "{sections:int} {sections:plural:sektion|sektioner}.",
        "en": "The form {form:q} version {version:int} is valid: {n:int} {n:plural:question|questions} in "
        "{sections:int} {sections:plural:section|sections}.",
    },
    Msg.FORMS_SERVER_SILENT: {
        "da": "Væksthus' server svarer ikke; intet er udgivet. Prøv igen, når der er forbindelse.",
        "en": "Væksthus' server does not answer; nothing is published. Try again when there is a connection.",
    },
}
