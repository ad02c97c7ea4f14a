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
- ``{s:stage}``     a network stage (``stage_1``) as its label (``Trin 1: netværk etableret``)
- ``{n:bytes}``     a file size (``870 KB``, ``2,5 MB``)
- ``{v:label:NAME}`` an enumerated value of the vocabulary NAME (``domain.vocab.LABELS``) as its
  label in the message's language; ``{v:label:NAME:lower}`` in lower case, inside a sentence
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import language as _language

DEFAULT_LANGUAGE = "da"
LANGUAGES = ("da", "en")


@dataclass(frozen=True)
class Message:
    """A code and its parameters; ``str()`` gives the Danish sentence."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str | None = None) -> str:
        """The sentence in ``language``; by default the current one (``domain.language.current``)."""
        return render(self, language)

    def __str__(self) -> str:
        return self.render()

    def as_json(self) -> dict[str, Any]:
        """Code and parameters as plain JSON values (what a push answer carries)."""
        return {"code": self.code, "params": {k: _jsonable(v) for k, v in self.params.items()}}


def _jsonable(value: Any) -> Any:
    if isinstance(value, Message):
        return value.render(DEFAULT_LANGUAGE)  # a clause inside another message travels as Danish
    if isinstance(value, str):
        return str(value)  # a StrEnum (a stage) as its plain value
    if isinstance(value, int | float | bool) or value is None:
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
    whole numbers: one exactly when n is 1; CLDR reads the absolute value, so -1 is one too)."""
    return 0 if abs(n) == 1 else 1


class _Formatter(string.Formatter):
    def __init__(self, language: str) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        from . import numbers  # numbers raises messages of this module: imported late

        if isinstance(value, Message):  # a clause given as a message (``os_reason``): same language
            return value.render(self.language)
        kind, _, rest = format_spec.partition(":")
        if kind == "bytes":
            return numbers.format_file_size(int(value))
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
        if kind == "stage":
            from .stages import stage_label  # stages raises messages of this module: imported late

            return stage_label(value, self.language)
        if kind == "label":
            from .vocab import label

            vocabulary, _, case = rest.partition(":")
            text = label(vocabulary, value, self.language)
            return text.lower() if case == "lower" else text
        return str(super().format_field(value, format_spec))


_RENDER_ERRORS = (KeyError, IndexError, ValueError, TypeError, AttributeError)


def render(message: Message, language: str | None = None) -> str:
    language = language or _language.current()
    entry = CATALOGUE.get(message.code)
    if entry is None:
        return message.code
    template = entry.get(language) or entry[DEFAULT_LANGUAGE]
    try:
        return _Formatter(language).vformat(template, (), dict(message.params))
    except _RENDER_ERRORS:
        # A message from a newer peer with other parameters: say what we can, never fail.
        return template


def _renders(message: Message) -> bool:
    """Whether this catalogue has the code and its parameters fill every template."""
    entry = CATALOGUE.get(message.code)
    try:
        for template in (entry or {}).values():
            _Formatter(DEFAULT_LANGUAGE).vformat(template, (), dict(message.params))
    except _RENDER_ERRORS:
        return False
    return entry is not None


def render_all(messages: list[Message], language: str | None = None) -> str:
    return " ".join(m.render(language) for m in messages)


def from_json(value: Any) -> Message | None:
    """A message as a push answer carries it, or None if it is not one."""
    if not isinstance(value, dict) or not isinstance(value.get("code"), str):
        return None
    params = value.get("params")
    return Message(value["code"], params if isinstance(params, dict) else {})


def answer_messages(answer: Mapping[str, Any]) -> list[Message]:
    """The messages of a push answer (``message``, and ``messages`` when there are several), if this
    catalogue knows every one of them; else [] (and the answer's ``error`` text is what to show)."""
    raw = answer.get("messages")
    items = raw if isinstance(raw, list) and raw else [answer.get("message")]
    found = [m for m in (from_json(item) for item in items) if m is not None]
    if len(found) != len(items) or not all(_renders(m) for m in found):
        return []
    return found


class Msg:
    """Every message code. Add the code here and its texts to ``CATALOGUE`` below."""

    # Network composition and size (seed 3. Indhold, pkt. 1)
    TOO_FEW_COMPANIES = Code("too_few_companies")
    TOO_MANY_KNOWLEDGE_INSTITUTIONS = Code("too_many_knowledge_institutions")

    # --- rules: stages, budget, application, CVR, CSV import (codes of existing rules go here)
    # The stage machine (domain/stages.py); ``stage``, ``current``, ``target`` are Stage values.
    STAGE_UNKNOWN = Code("stage_unknown")
    STAGE_ALREADY = Code("stage_already")
    STAGE_NETWORK_CLOSED = Code("stage_network_closed")
    STAGE_MOVE_NOT_ALLOWED = Code("stage_move_not_allowed")
    STAGE_CLOSE_REASON_MISSING = Code("stage_close_reason_missing")
    STAGE_CLOSE_REASON_UNKNOWN = Code("stage_close_reason_unknown")
    STAGE_CLOSE_TEXT_MISSING = Code("stage_close_text_missing")
    STAGE_CLOSE_WITH_REASON = Code("stage_close_with_reason")
    STAGE_BACK_ONLY_AFTER_REJECTION = Code("stage_back_only_after_rejection")
    STAGE_PASSED_IS_NOT_CANDIDATE = Code("stage_passed_is_not_candidate")
    STAGE_SCREENING_NOT_FINAL = Code("stage_screening_not_final")
    STAGE_SCREENING_NOT_PASSED = Code("stage_screening_not_passed")
    STAGE_APPLICATION_NOT_SUBMITTED = Code("stage_application_not_submitted")
    STAGE_APPLICATION_NOT_APPROVED = Code("stage_application_not_approved")
    STAGE_3_EVIDENCE_MISSING = Code("stage_3_evidence_missing")
    STAGE_3_ONLY_FROM_STAGE_2 = Code("stage_3_only_from_stage_2")
    STAGE_3_DATE_IN_FUTURE = Code("stage_3_date_in_future")
    NETWORK_NOT_FOUND = Code("network_not_found")
    # Companies and network size (domain/validation.py)
    EMPLOYEES_NEGATIVE = Code("employees_negative")
    EMPLOYEES_OUTSIDE_TARGET_GROUP = Code("employees_outside_target_group")
    NETWORK_SIZE_EXPERIENCE_GROUP = Code("network_size_experience_group")
    NETWORK_SIZE_ABOVE_USUAL = Code("network_size_above_usual")
    # Application (domain/validation.py): hours, months, allocation key
    HOURS_MISSING = Code("hours_missing")
    HOURS_OUT_OF_RANGE = Code("hours_out_of_range")
    MONTHS_MISSING = Code("months_missing")
    MONTHS_OUT_OF_RANGE = Code("months_out_of_range")
    SPLIT_MISSING = Code("split_missing")
    SPLIT_NEGATIVE = Code("split_negative")
    SPLIT_NOT_WHOLE = Code("split_not_whole")
    SPLIT_EMPTY = Code("split_empty")
    # Budget (domain/validation.py, domain/money.py): amount, frame, 80 % warning, receipts
    AMOUNT_MISSING = Code("amount_missing")
    AMOUNT_NOT_POSITIVE = Code("amount_not_positive")
    BUDGET_OVER_FRAME = Code("budget_over_frame")
    BUDGET_NEARLY_USED = Code("budget_nearly_used")
    BUDGET_PLANNED_OVER_FRAME = Code("budget_planned_over_frame")
    RECEIPT_REQUIRED = Code("receipt_required")
    BUDGET_SPENT_OVER_FRAME = Code("budget_spent_over_frame")
    BUDGET_USED_AND_PLANNED_OVER_FRAME = Code("budget_used_and_planned_over_frame")
    BUDGET_USED_OR_PLANNED = Code("budget_used_or_planned")
    # Expenses as the broker books them (store/services/expenses.py); ``d`` the expense's date
    EXPENSE_NOT_FOUND = Code("expense_not_found")
    EXPENSE_OTHER_NETWORK = Code("expense_other_network")
    EXPENSE_CATEGORY_UNKNOWN = Code("expense_category_unknown")
    EXPENSE_DESCRIPTION_MISSING = Code("expense_description_missing")
    EXPENSE_MEETING_OTHER_NETWORK = Code("expense_meeting_other_network")
    EXPENSE_RECEIPT_NOT_STORED = Code("expense_receipt_not_stored")
    EXPENSE_FRAME_NOT_OPENED = Code("expense_frame_not_opened")
    EXPENSE_BEFORE_SCREENING_PASSED = Code("expense_before_screening_passed")
    EXPENSE_AFTER_CLOSED = Code("expense_after_closed")
    EXPENSE_IN_FUTURE = Code("expense_in_future")
    EXPENSE_NEEDS_NETWORK = Code("expense_needs_network")
    # Network composition as the network page shows it, and its members
    COMPOSITION_KEEPS_CANDIDATE = Code("composition_keeps_candidate")
    NETWORK_GONE = Code("network_gone")
    COMPANY_GONE = Code("company_gone")
    MEMBERSHIP_GONE = Code("membership_gone")
    MEMBER_ROLE_UNKNOWN = Code("member_role_unknown")
    MEMBER_NETWORK_CLOSED = Code("member_network_closed")
    MEMBER_ALREADY = Code("member_already")
    MEMBER_IN_OTHER_NETWORKS = Code("member_in_other_networks")
    # The application (store/services/applications.py, server/push.py)
    APPLICATION_NOT_FOUND = Code("application_not_found")
    APPLICATION_SECTION_MISSING = Code("application_section_missing")
    APPLICATION_CONSULTANT_MISSING = Code("application_consultant_missing")
    APPLICATION_RATE_MISSING = Code("application_rate_missing")
    APPLICATION_RATE_NOT_POSITIVE = Code("application_rate_not_positive")
    APPLICATION_NO_COMPANIES = Code("application_no_companies")
    APPLICATION_ONLY_FROM_STAGE_1 = Code("application_only_from_stage_1")
    APPLICATION_SCREENING_NOT_PASSED = Code("application_screening_not_passed")
    APPLICATION_CANNOT_SUBMIT_YET = Code("application_cannot_submit_yet")
    APPLICATION_CANNOT_SUBMIT = Code("application_cannot_submit")
    APPLICATION_ALREADY_SUBMITTED = Code("application_already_submitted")
    APPLICATION_FROZEN = Code("application_frozen")
    APPLICATION_STATUS_LOCKED = Code("application_status_locked")
    APPLICATION_STAGE_NO_NEW = Code("application_stage_no_new")
    APPLICATION_EXISTS = Code("application_exists")
    APPLICATION_SPLIT_MODE_UNKNOWN = Code("application_split_mode_unknown")
    APPLICATION_DECISION_UNKNOWN = Code("application_decision_unknown")
    APPLICATION_ONLY_DRAFT_TO_SUBMITTED = Code("application_only_draft_to_submitted")
    APPLICATION_SPLIT_SHAPE = Code("application_split_shape")
    APPLICATION_SPLIT_UNKNOWN_COMPANY = Code("application_split_unknown_company")
    APPLICATION_DECISION_NO_TIMEZONE = Code("application_decision_no_timezone")
    APPLICATION_DECISION_NOT_SUBMITTED = Code("application_decision_not_submitted")
    APPLICATION_REVISION_NOT_REJECTED = Code("application_revision_not_rejected")
    APPLICATION_REVISION_EXISTS = Code("application_revision_exists")
    APPLICATION_REVISION_NETWORK_CLOSED = Code("application_revision_network_closed")
    # The action plan followed after approval (store/services/action_plans.py)
    ACTION_PLAN_UNKNOWN_ELEMENTS = Code("action_plan_unknown_elements")
    ACTION_PLAN_END_BEFORE_START = Code("action_plan_end_before_start")
    ACTION_PLAN_NOT_APPROVED = Code("action_plan_not_approved")
    # CVR numbers (domain/cvr.py); ``text`` is the number as typed
    CVR_MISSING = Code("cvr_missing")
    CVR_NOT_TEXT = Code("cvr_not_text")
    CVR_NOT_DIGITS = Code("cvr_not_digits")
    CVR_WRONG_LENGTH = Code("cvr_wrong_length")
    CVR_BAD_CHECKSUM = Code("cvr_bad_checksum")
    CVR_INVALID = Code("cvr_invalid")
    # Fields of a pushed record that the rules above need in a certain shape (server/push.py);
    # ``field`` is the sync name of the field
    EMPLOYEES_NOT_WHOLE = Code("employees_not_whole")
    HOURS_NOT_WHOLE = Code("hours_not_whole")
    MONTHS_NOT_WHOLE = Code("months_not_whole")
    FIELD_REFERENCE_UNKNOWN = Code("field_reference_unknown")
    FIELD_NOT_ORE = Code("field_not_ore")
    FIELD_AMOUNT_TOO_LARGE = Code("field_amount_too_large")
    MEETING_COST_NEGATIVE = Code("meeting_cost_negative")
    # A company's fields as typed or imported (store/services/companies.py)
    COMPANY_NAME_MISSING = Code("company_name_missing")
    COMPANY_FIELD_TOO_LONG = Code("company_field_too_long")
    COMPANY_POSTCODE_INVALID = Code("company_postcode_invalid")
    COMPANY_FOCUS_AREA_UNKNOWN = Code("company_focus_area_unknown")
    COMPANY_YES_OR_NO = Code("company_yes_or_no")
    COMPANY_KNOWLEDGE_INSTITUTION = Code("company_knowledge_institution")
    KEY_FIGURES_YEAR_INVALID = Code("key_figures_year_invalid")
    KEY_FIGURES_YEAR_TWICE = Code("key_figures_year_twice")
    CONTACT_NAME_MISSING = Code("contact_name_missing")
    CONTACT_EMAIL_INVALID = Code("contact_email_invalid")
    CONTACT_CONSENT_IN_FUTURE = Code("contact_consent_in_future")
    CONTACT_GONE = Code("contact_gone")
    CONTACT_ANONYMIZED = Code("contact_anonymized")
    # Screenings as the broker fills them in (store/services/screening.py)
    SCREENING_NOT_FOUND = Code("screening_not_found")
    SCREENING_NETWORK_CLOSED = Code("screening_network_closed")
    SCREENING_ANSWERS_UNUSABLE = Code("screening_answers_unusable")
    SCREENING_ANSWERS_NOT_A_MAPPING = Code("screening_answers_not_a_mapping")
    SCREENING_FINAL_UNCHANGEABLE = Code("screening_final_unchangeable")
    SCREENING_ALREADY_FINAL = Code("screening_already_final")
    # Meetings (store/services/meetings.py)
    MEETING_GONE = Code("meeting_gone")
    MEETING_NO_TIMEZONE = Code("meeting_no_timezone")
    MEETING_KIND_UNKNOWN = Code("meeting_kind_unknown")
    MEETING_DIMENSIONS_UNKNOWN = Code("meeting_dimensions_unknown")
    MEETING_PARTICIPANT_NOT_CONTACT = Code("meeting_participant_not_contact")
    MEETING_STEP_GONE = Code("meeting_step_gone")
    MEETING_STEP_TEXT_MISSING = Code("meeting_step_text_missing")
    MEETING_STEP_OWNER_MISSING = Code("meeting_step_owner_missing")
    MEETING_STEP_DUE_MISSING = Code("meeting_step_due_missing")
    # Importing companies from CSV (store/services/csv_io.py): the file, then each bad row by its line
    CSV_NOT_READABLE = Code("csv_not_readable")
    CSV_SEPARATOR_HINT = Code("csv_separator_hint")
    CSV_EMPTY = Code("csv_empty")
    CSV_FIRST_LINE_UNREADABLE = Code("csv_first_line_unreadable")
    CSV_NOT_SEMICOLONS = Code("csv_not_semicolons")
    CSV_HEADER_MISSING = Code("csv_header_missing")
    CSV_ROW = Code("csv_row")
    CSV_ROW_NAMED = Code("csv_row_named")
    CSV_ROW_UNREADABLE = Code("csv_row_unreadable")
    CSV_ROW_TOO_MANY_FIELDS = Code("csv_row_too_many_fields")
    CSV_ROW_DUPLICATE_CVR = Code("csv_row_duplicate_cvr")
    CSV_ROWS_WITH_PROBLEMS = Code("csv_rows_with_problems")
    CSV_NO_COMPANIES = Code("csv_no_companies")
    CSV_READY = Code("csv_ready")
    CSV_COMPANY_DELETED_MEANWHILE = Code("csv_company_deleted_meanwhile")
    # Attachments kept in the profile (store/services/blobs.py); ``name`` the file's name, ``size`` bytes
    BLOB_SHA_INVALID = Code("blob_sha_invalid")
    BLOB_FILE_MISSING = Code("blob_file_missing")
    BLOB_NOT_A_RECEIPT = Code("blob_not_a_receipt")
    BLOB_FILE_UNREADABLE = Code("blob_file_unreadable")
    BLOB_FILE_EMPTY = Code("blob_file_empty")
    BLOB_FILE_TOO_LARGE = Code("blob_file_too_large")
    BLOB_NOT_HERE_YET = Code("blob_not_here_yet")
    # The profile and its database before they are opened (store/quick.py); ``detail`` is SQLite's own text
    PROFILE_NOT_WRITABLE = Code("profile_not_writable")
    DATABASE_NOT_MAEGLER = Code("database_not_maegler")
    DATABASE_DAMAGED = Code("database_damaged")
    DATABASE_CHECK_FAILED = Code("database_check_failed")
    DATABASE_CHECK_SILENT = Code("database_check_silent")
    DATABASE_UNREADABLE = Code("database_unreadable")
    DATABASE_NEWER = Code("database_newer")
    # What the next stage requires, as the broker reads it before anything is filled in (domain/stages.py)
    STAGE_REQUIRES_COMPOSITION = Code("stage_requires_composition")
    STAGE_REQUIRES_FINAL_SCREENING = Code("stage_requires_final_screening")
    STAGE_REQUIRES_PASSED_SCREENING = Code("stage_requires_passed_screening")
    STAGE_REQUIRES_SUBMITTED_APPLICATION = Code("stage_requires_submitted_application")
    STAGE_REQUIRES_APPROVAL = Code("stage_requires_approval")
    STAGE_REQUIRES_EVIDENCE = Code("stage_requires_evidence")
    # A network's own fields (domain/validation.py check_network)
    NETWORK_NAME_MISSING = Code("network_name_missing")
    NETWORK_NAME_TOO_LONG = Code("network_name_too_long")
    NETWORK_TYPE_UNKNOWN = Code("network_type_unknown")
    NETWORK_LEAD_SOURCE_UNKNOWN = Code("network_lead_source_unknown")
    # The action plan past its end date with elements still missing (``missing``: their labels)
    ACTION_PLAN_ENDED_INCOMPLETE = Code("action_plan_ended_incomplete")
    # The laptop's sync client (sync/api.py, sync/service.py, sync/resolve.py); ``detail`` is the server's text
    SYNC_OFFLINE = Code("sync_offline")
    SYNC_OFFLINE_BECAUSE = Code("sync_offline_because")
    SYNC_LOG_IN_AGAIN = Code("sync_log_in_again")
    SYNC_UPGRADE_REQUIRED = Code("sync_upgrade_required")
    SYNC_TOO_MANY_ATTEMPTS = Code("sync_too_many_attempts")
    SYNC_SERVER_FAILED = Code("sync_server_failed")
    SYNC_NOT_LOGGED_IN = Code("sync_not_logged_in")
    SYNC_TOKEN_NOT_SAVED = Code("sync_token_not_saved")
    SYNC_SERVER_URL_MISSING = Code("sync_server_url_missing")
    SYNC_SERVER_URL_INVALID = Code("sync_server_url_invalid")
    SYNC_LOGIN_FIELDS_MISSING = Code("sync_login_fields_missing")
    SYNC_PROFILE_OTHER_USER = Code("sync_profile_other_user")
    SYNC_ALREADY_RESOLVED = Code("sync_already_resolved")
    # A screening finalized with answers missing or wrong (store/services/screening.py); ``issues``: one line each
    SCREENING_CANNOT_FINISH = Code("screening_cannot_finish")
    # What a sync run and a login say (sync/engine.py, sync/service.py, sync/credentials.py); ``sha`` a blob's hash, shortened
    SYNC_UNANSWERED = Code("sync_unanswered")
    SYNC_CONFLICT = Code("sync_conflict")
    SYNC_REJECTED_WITHOUT_REASON = Code("sync_rejected_without_reason")
    SYNC_UNKNOWN_ANSWER = Code("sync_unknown_answer")
    SYNC_BLOB_MISSING = Code("sync_blob_missing")
    SYNC_BLOB_DAMAGED = Code("sync_blob_damaged")
    SYNC_NO_KEYRING = Code("sync_no_keyring")
    SYNC_LOGGED_IN = Code("sync_logged_in")
    SYNC_LOGGED_IN_NO_KEYRING = Code("sync_logged_in_no_keyring")
    SYNC_WAS_NOT_LOGGED_IN = Code("sync_was_not_logged_in")
    SYNC_LOGGED_OUT = Code("sync_logged_out")
    # The command line's refusals (mægler_app/commands); ``reason`` a clause, ``text`` a message of another layer
    CLI_FILE_NOT_READABLE = Code("cli_file_not_readable")
    CLI_FILE_NOT_WRITABLE = Code("cli_file_not_writable")
    CLI_IN_FILE = Code("cli_in_file")
    CLI_SCALE_NOT_POSITIVE = Code("cli_scale_not_positive")
    CLI_LOG_IN = Code("cli_log_in")
    CLI_SYNC_INCOMPLETE = Code("cli_sync_incomplete")
    CLI_SYNC_ATTENTION = Code("cli_sync_attention")
    CLI_SYNC_NOT_ALL_PULLED = Code("cli_sync_not_all_pulled")
    # A received attachment over the limit (sync/blobs.py); the app's options given with a sub-command
    SYNC_BLOB_TOO_LARGE = Code("sync_blob_too_large")
    CLI_OPTIONS_ONLY_WITHOUT_COMMAND = Code("cli_options_only_without_command")
    # The broker's established networks against the target per broker (store/services/broker.py)
    BROKER_TARGET_BELOW = Code("broker_target_below")
    BROKER_TARGET_ABOVE = Code("broker_target_above")
    BROKER_TARGET_WITHIN = Code("broker_target_within")
    # A change too large for one push, refused on the laptop before it is sent (sync/engine.py)
    SYNC_CHANGE_TOO_LARGE = Code("sync_change_too_large")

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
    # A stage move only Væksthus' decision makes (``current``/``target`` are Stage values).
    STAGE_DECISION_ONLY = Code("stage_decision_only")
    # Screenings: frozen once final; a final screening's verdict is the server's evaluation.
    SCREENING_FROZEN = Code("screening_frozen")
    SCREENING_FORM_UNKNOWN = Code("screening_form_unknown")
    SCREENING_INCOMPLETE = Code("screening_incomplete")
    SCREENING_VERDICT_MISMATCH = Code("screening_verdict_mismatch")
    # Expenses over the receipt limit; applications submitted; decisions; CVR numbers.
    EXPENSE_RECEIPT_MISSING = Code("expense_receipt_missing")
    DECISION_REASON_MISSING = Code("decision_reason_missing")
    CVR_ALREADY_REGISTERED = Code("cvr_already_registered")
    # A final screening or a submitted application whose network is not the broker's live network.
    SCREENING_WITHOUT_NETWORK = Code("screening_without_network")
    APPLICATION_WITHOUT_NETWORK = Code("application_without_network")
    # A push's own refusals, not rules of the programme (server/push.py): what the server does not take.
    PUSH_ENTITY_UNKNOWN = Code("push_entity_unknown")
    PUSH_BY_CASEWORKER = Code("push_by_caseworker")
    PUSH_RECORD_NOT_FOUND = Code("push_record_not_found")
    PUSH_BASE_VERSION_AHEAD = Code("push_base_version_ahead")
    PUSH_CHANGE_ID_REUSED = Code("push_change_id_reused")
    # Logging in and the server's doors (server/app.py, server/accounts.py)
    AUTH_LOG_IN_FIRST = Code("auth_log_in_first")
    AUTH_NOT_LOGGED_IN = Code("auth_not_logged_in")
    AUTH_CASEWORKERS_ONLY = Code("auth_caseworkers_only")
    AUTH_BAD_CREDENTIALS = Code("auth_bad_credentials")
    AUTH_TOO_MANY_ATTEMPTS = Code("auth_too_many_attempts")
    AUTH_TOO_MANY_FROM_ADDRESS = Code("auth_too_many_from_address")
    SERVER_HISTORY_ENTITY_UNKNOWN = Code("server_history_entity_unknown")
    SERVER_HISTORY_RECORD_NOT_FOUND = Code("server_history_record_not_found")
    SERVER_HISTORY_EMPTY = Code("server_history_empty")
    UI_HISTORY_COUNT = Code("ui_history_count")
    AUTH_SERVER_BUSY = Code("auth_server_busy")
    SERVER_TRUSTED_PROXY_BAD = Code("server_trusted_proxy_bad")
    SERVER_BLOB_NOT_FOUND = Code("server_blob_not_found")
    # Users as the operator adds them (maegler-server add-user)
    ACCOUNT_USERNAME_MISSING = Code("account_username_missing")
    ACCOUNT_USERNAME_TOO_LONG = Code("account_username_too_long")
    ACCOUNT_NAME_TOO_LONG = Code("account_name_too_long")
    ACCOUNT_ROLE_UNKNOWN = Code("account_role_unknown")
    ACCOUNT_PASSWORD_TOO_SHORT = Code("account_password_too_short")
    ACCOUNT_EXISTS = Code("account_exists")
    # Decisions on applications (server/decisions.py)
    DECISION_CASEWORKERS_ONLY = Code("decision_caseworkers_only")
    # Form definitions as Væksthus publishes them (server/forms.py); ``field`` a key of the definition
    SERVER_FORM_NOT_AN_OBJECT = Code("server_form_not_an_object")
    SERVER_FORM_ID_INVALID = Code("server_form_id_invalid")
    SERVER_FORM_VERSION_INVALID = Code("server_form_version_invalid")
    SERVER_FORM_NOT_TEXT = Code("server_form_not_text")
    SERVER_FORM_NOT_A_LIST = Code("server_form_not_a_list")
    SERVER_FORM_UNUSABLE = Code("server_form_unusable")
    SERVER_FORM_FILE_UNREADABLE = Code("server_form_file_unreadable")
    SERVER_FORM_FILE_NOT_JSON = Code("server_form_file_not_json")
    SERVER_FORM_EXISTS = Code("server_form_exists")
    SERVER_FORM_VERSION_NOT_HIGHER = Code("server_form_version_not_higher")
    # What a database cannot store, refused at the edge (server/jsonclean.py)
    DATA_TEXT_HAS_NUL = Code("data_text_has_nul")
    DATA_TEXT_NOT_UNICODE = Code("data_text_not_unicode")
    DATA_TOO_DEEP = Code("data_too_deep")
    DATA_NUMBER_NOT_FINITE = Code("data_number_not_finite")
    # The operator's database and processes (server/db.py, server/cli.py, server/workers.py); ``detail``
    # is the database driver's or the system's own text
    SERVER_DB_URL_UNREADABLE = Code("server_db_url_unreadable")
    SERVER_DB_URL_UNUSABLE = Code("server_db_url_unusable")
    SERVER_DB_FOLDER = Code("server_db_folder")
    SERVER_DB_CANNOT_OPEN = Code("server_db_cannot_open")
    SERVER_DB_CANNOT_UPGRADE = Code("server_db_cannot_upgrade")
    SERVER_DB_NOT_CREATED = Code("server_db_not_created")
    SERVER_DB_NEWER = Code("server_db_newer")
    SERVER_DB_OLDER = Code("server_db_older")
    SERVER_OPTION_AT_LEAST_ONE = Code("server_option_at_least_one")
    SERVER_WORKERS_NEED_POSTGRESQL = Code("server_workers_need_postgresql")
    SERVER_PORT_TAKEN = Code("server_port_taken")
    SERVER_CANNOT_LISTEN = Code("server_cannot_listen")
    SERVER_PROCESS_DIED = Code("server_process_died")
    # HTTP answers of the server's own (server/app.py): the ``detail`` beside the answer's ``error``
    HTTP_BAD_REQUEST = Code("http_bad_request")
    HTTP_FORBIDDEN = Code("http_forbidden")
    HTTP_NOT_FOUND = Code("http_not_found")
    HTTP_METHOD_NOT_ALLOWED = Code("http_method_not_allowed")
    HTTP_TOO_LARGE = Code("http_too_large")
    HTTP_LARGER_THAN_LIMIT = Code("http_larger_than_limit")
    HTTP_PROTOCOL_MISMATCH = Code("http_protocol_mismatch")
    HTTP_CONTENT_LENGTH_NOT_A_NUMBER = Code("http_content_length_not_a_number")
    HTTP_NOT_JSON = Code("http_not_json")
    HTTP_WRONG_SHAPE = Code("http_wrong_shape")
    HTTP_UNEXPECTED = Code("http_unexpected")
    HTTP_ERROR = Code("http_error")
    SERVER_BLOB_HASH_MISMATCH = Code("server_blob_hash_mismatch")

    # --- schema: per-entity validation of pushed records
    # ``field`` is the sync name (``next_steps[0].due``), ``label`` the Danish label (the texts name
    # the field by it), ``value`` the value as sent (cut short), ``limit`` the bound (domain/schema.py).
    SCHEMA_FIELD_MISSING = Code("schema_field_missing")
    SCHEMA_NOT_TEXT = Code("schema_not_text")
    SCHEMA_NOT_A_WHOLE_NUMBER = Code("schema_not_a_whole_number")
    SCHEMA_NOT_AN_AMOUNT = Code("schema_not_an_amount")
    SCHEMA_NOT_YES_OR_NO = Code("schema_not_yes_or_no")
    SCHEMA_UNKNOWN_VALUE = Code("schema_unknown_value")
    SCHEMA_NOT_A_DATE = Code("schema_not_a_date")
    SCHEMA_NOT_A_TIME = Code("schema_not_a_time")
    SCHEMA_TIME_WITHOUT_ZONE = Code("schema_time_without_zone")
    SCHEMA_TOO_SMALL = Code("schema_too_small")
    SCHEMA_NOT_ABOVE = Code("schema_not_above")
    SCHEMA_TOO_LARGE = Code("schema_too_large")
    SCHEMA_TOO_LONG = Code("schema_too_long")
    SCHEMA_EMPTY = Code("schema_empty")
    SCHEMA_NOT_A_LIST = Code("schema_not_a_list")
    SCHEMA_NOT_AN_OBJECT = Code("schema_not_an_object")
    SCHEMA_WRONG_SHAPE = Code("schema_wrong_shape")

    # --- figures: programme figures and stats
    # Programmet and Mæglere (issue 18): the targets' names, ranges and the bar texts.
    PROGRAMME_COMPANIES_SCREENED = Code("programme_companies_screened")
    PROGRAMME_NETWORKS = Code("programme_networks")
    PROGRAMME_NETWORK_COMPANIES = Code("programme_network_companies")
    PROGRAMME_ACTION_PLANS = Code("programme_action_plans")
    PROGRAMME_ACTION_PLAN_COMPANIES = Code("programme_action_plan_companies")
    PROGRAMME_BUSINESS_NETWORKS = Code("programme_business_networks")
    PROGRAMME_BUSINESS_NETWORK_COMPANIES = Code("programme_business_network_companies")
    PROGRAMME_SATISFIED = Code("programme_satisfied")
    PROGRAMME_NETWORKS_PER_BROKER = Code("programme_networks_per_broker")
    PROGRAMME_RANGE = Code("programme_range")
    PROGRAMME_AT_LEAST = Code("programme_at_least")
    PROGRAMME_BROKERS_IN_RANGE = Code("programme_brokers_in_range")
    PROGRAMME_NO_ANSWERS = Code("programme_no_answers")

    # --- demo: demo data and the demo programme
    # ``maegler-server demo`` (server/demo.py): what it says, and why it stops
    DEMO_SERVER_DID_NOT_START = Code("demo_server_did_not_start")
    DEMO_REFUSED = Code("demo_refused")
    DEMO_BROKERS_RANGE = Code("demo_brokers_range")
    DEMO_DATABASE_NOT_EMPTY = Code("demo_database_not_empty")
    DEMO_SEEDED = Code("demo_seeded")
    DEMO_STAGE_COUNT = Code("demo_stage_count")
    DEMO_LOGIN = Code("demo_login")

    # --- ui: texts of the app's screens (plurals, counts)
    # Every count a screen or the command line shows, with the noun in the count's number.
    UI_COMPANIES = Code("ui_companies")
    UI_COMPANIES_SHOWN = Code("ui_companies_shown")
    UI_COMPANIES_EXPORTED = Code("ui_companies_exported")
    UI_COMPANIES_IMPORTED = Code("ui_companies_imported")
    UI_IMPORT_ROWS_REMARKED = Code("ui_import_rows_remarked")
    UI_NETWORK_MEMBERS = Code("ui_network_members")
    UI_COMPOSITION_OK = Code("ui_composition_ok")
    UI_INACTIVE_DAYS = Code("ui_inactive_days")
    UI_CHANGES_NOT_SENT = Code("ui_changes_not_sent")
    UI_CHANGES_NEED_ACTION = Code("ui_changes_need_action")
    UI_CONFLICTS = Code("ui_conflicts")
    UI_REJECTED = Code("ui_rejected")
    UI_SYNC_DONE = Code("ui_sync_done")
    UI_SYNC_ATTENTION = Code("ui_sync_attention")
    UI_SYNC_PARKED = Code("ui_sync_parked")
    UI_SYNC_PENDING_LEFT = Code("ui_sync_pending_left")
    UI_SYNC_REPORT = Code("ui_sync_report")
    UI_EXPENSES_OVER_FRAME = Code("ui_expenses_over_frame")
    UI_EXPENSES_OVER_FRAME_SENT = Code("ui_expenses_over_frame_sent")
    UI_PERSONS = Code("ui_persons")
    UI_APPROVED_APPLICATIONS = Code("ui_approved_applications")
    UI_ELEMENTS_DONE = Code("ui_elements_done")
    UI_PERIOD_MONTHS = Code("ui_period_months")
    UI_RECORDS_GENERATED = Code("ui_records_generated")
    UI_PERIOD_SPAN = Code("ui_period_span")
    UI_HOURS = Code("ui_hours")
    UI_MONTHS = Code("ui_months")
    # Why the operating system refused a file (an OSError's errno), as a clause that follows
    # "Filen … kan ikke skrives: "; ``domain.errors.os_reason`` picks one.
    OS_PERMISSION_DENIED = Code("os_permission_denied")
    OS_NOT_FOUND = Code("os_not_found")
    OS_IS_A_DIRECTORY = Code("os_is_a_directory")
    OS_NO_SPACE = Code("os_no_space")
    OS_READ_ONLY = Code("os_read_only")
    OS_OTHER = Code("os_other")
    # Indbakke (issue 18): a caseworker's decisions
    UI_DESK_WAITING = Code("ui_desk_waiting")
    UI_DESK_CONFIRM_APPROVE = Code("ui_desk_confirm_approve")
    UI_DESK_CONFIRM_REJECT = Code("ui_desk_confirm_reject")
    UI_DESK_APPROVED = Code("ui_desk_approved")
    UI_DESK_REJECTED = Code("ui_desk_rejected")
    # A record as the sync page names it (sync/resolve.py, record_labels), when it has no name of its own
    UI_RECORD_COMPANY_IN_NETWORK = Code("ui_record_company_in_network")
    UI_RECORD_SCREENING = Code("ui_record_screening")
    UI_RECORD_MEETING = Code("ui_record_meeting")
    UI_RECORD_EXPENSE = Code("ui_record_expense")
    UI_RECORD_APPLICATION = Code("ui_record_application")
    UI_RECORD_ACTION_PLAN = Code("ui_record_action_plan")
    UI_RECORD_EFFECT_MEASUREMENT = Code("ui_record_effect_measurement")
    UI_RECORD_CONTACT = Code("ui_record_contact")
    # Mæglere (the caseworker's broker table): how many brokers, counted when
    UI_BROKERS_COUNTED = Code("ui_brokers_counted")
    UI_FORMS_NOT_USABLE = Code("ui_forms_not_usable")

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

    # --- survey: the satisfaction survey (domain/satisfaction.py, store/services/satisfaction.py)
    SURVEY_SCORE_OUT_OF_RANGE = Code("survey_score_out_of_range")
    SURVEY_OCCASION_UNKNOWN = Code("survey_occasion_unknown")
    SURVEY_DUPLICATE = Code("survey_duplicate")
    SURVEY_COMPANY_NOT_MEMBER = Code("survey_company_not_member")
    SURVEY_CONTACT_OTHER_COMPANY = Code("survey_contact_other_company")
    SURVEY_DATE_MISSING = Code("survey_date_missing")
    SURVEY_DATE_IN_FUTURE = Code("survey_date_in_future")
    SURVEY_ALREADY_SYNCED = Code("survey_already_synced")
    SURVEY_ANSWER_NOT_FOUND = Code("survey_answer_not_found")
    SURVEY_SCORE_MISSING = Code("survey_score_missing")
    # the app's screens: the network page's prompt, what a save did
    SURVEY_MISSING = Code("survey_missing")
    SURVEY_SAVED = Code("survey_saved")
    SURVEY_REMOVED = Code("survey_removed")
    SURVEY_NOTHING_TO_SAVE = Code("survey_nothing_to_save")
    # --- end survey
    # --- effects: growth against the baseline year, satisfaction, the key-figure import (issue 19)
    EFFECTS_TURNOVER = Code("effects_turnover")
    EFFECTS_VALUE_ADDED = Code("effects_value_added")
    EFFECTS_EXPORT = Code("effects_export")
    EFFECTS_EMPLOYEES = Code("effects_employees")
    EFFECTS_NO_BASELINE = Code("effects_no_baseline")
    EFFECTS_NO_FIGURES = Code("effects_no_figures")
    EFFECTS_TARGET_MET = Code("effects_target_met")
    EFFECTS_TARGET_NOT_MET = Code("effects_target_not_met")
    EFFECTS_BASELINE_AUTO = Code("effects_baseline_auto")
    EFFECTS_BASELINE_STORED = Code("effects_baseline_stored")
    EFFECTS_BASELINE_STORED_AUTO = Code("effects_baseline_stored_auto")
    EFFECTS_BASELINE_YEAR_INVALID = Code("effects_baseline_year_invalid")
    EFFECTS_WITHOUT_FIGURES = Code("effects_without_figures")
    EFFECTS_SATISFIED_SHARE = Code("effects_satisfied_share")
    EFFECTS_NO_ANSWERS = Code("effects_no_answers")
    EFFECTS_EXPORTED = Code("effects_exported")
    EFFECTS_NOTHING_TO_EXPORT = Code("effects_nothing_to_export")
    # Importing key figures from CSV (store/services/effects_csv.py)
    EFFECTS_CSV_HEADER_MISSING = Code("effects_csv_header_missing")
    EFFECTS_CSV_UNKNOWN_CVR = Code("effects_csv_unknown_cvr")
    EFFECTS_CSV_YEAR_TWICE = Code("effects_csv_year_twice")
    EFFECTS_CSV_ROW_EMPTY = Code("effects_csv_row_empty")
    EFFECTS_CSV_NO_ROWS = Code("effects_csv_no_rows")
    EFFECTS_CSV_READY = Code("effects_csv_ready")
    EFFECTS_CSV_IMPORTED = Code("effects_csv_imported")
    # --- broker: what a broker expects and does not find (issue 20)
    UI_NEXT_MORE = Code("ui_next_more")
    UI_NEXT_OVERDUE = Code("ui_next_overdue")
    UI_NEXT_QUIET_TITLE = Code("ui_next_quiet_title")
    UI_NEXT_MEETINGS_TITLE = Code("ui_next_meetings_title")
    COMPANY_ARCHIVE_IN_ACTIVE_NETWORK = Code("company_archive_in_active_network")
    COMPANY_DELETE_IN_ACTIVE_NETWORK = Code("company_delete_in_active_network")
    COMPANY_ARCHIVED = Code("company_archived")
    COMPANY_RESTORED = Code("company_restored")
    COMPANY_DELETED = Code("company_deleted")
    UI_SHOW_ARCHIVED = Code("ui_show_archived")
    CLI_SYNC_ASK_PASSWORD = Code("cli_sync_ask_password")
    # --- followup
    # Væksthus' follow-up on a network (domain/follow_up.py, server/push.py, issue 18 part 5)
    FOLLOW_UP_CASEWORKERS_ONLY = Code("follow_up_caseworkers_only")
    FOLLOW_UP_OTHER_CASEWORKER = Code("follow_up_other_caseworker")
    FOLLOW_UP_NETWORK_UNKNOWN = Code("follow_up_network_unknown")
    FOLLOW_UP_OFFERED_MISSING = Code("follow_up_offered_missing")
    FOLLOW_UP_KIND_UNKNOWN = Code("follow_up_kind_unknown")
    FOLLOW_UP_NEXT_NOT_AFTER = Code("follow_up_next_not_after")
    FOLLOW_UP_SAVED = Code("follow_up_saved")
    # Indbakke: the application's PDF shown in the system's viewer
    UI_PDF_NO_VIEWER = Code("ui_pdf_no_viewer")
    # --- erasure: erasing a contact person everywhere (GDPR art. 17, issue 21 item 1)
    ERASURE_CONTACT_NOT_FOUND = Code("erasure_contact_not_found")
    ERASURE_DONE = Code("erasure_done")
    ERASURE_CASEWORKERS_ONLY = Code("erasure_caseworkers_only")
    # --- end erasure
    # --- audit: the audit file per network (issue 22, item 3; reports/audit_file.py)
    AUDIT_FILE_WRITTEN = Code("audit_file_written")
    AUDIT_FILE_RECEIPTS_MISSING = Code("audit_file_receipts_missing")
    AUDIT_FILE_FAILED = Code("audit_file_failed")
    # --- end audit
    # --- retention: keep-until dates, the retention settings and purge (domain/retention.py, issue 21)
    RETENTION_YEARS_RANGE = Code("retention_years_range")
    RETENTION_MONTH_RANGE = Code("retention_month_range")
    RETENTION_KEEP_UNTIL = Code("retention_keep_until")
    RETENTION_KEEP_UNTIL_NONE = Code("retention_keep_until_none")
    RETENTION_SETTINGS_SHOWN = Code("retention_settings_shown")
    RETENTION_SETTINGS_SAVED = Code("retention_settings_saved")
    RETENTION_DATE_BAD = Code("retention_date_bad")
    PURGE_ITEM = Code("purge_item")
    PURGE_DRY_RUN = Code("purge_dry_run")
    PURGE_DONE = Code("purge_done")
    PURGE_NOTHING = Code("purge_nothing")
    PURGE_RECORD_PURGED = Code("purge_record_purged")
    RETENTION_DOC_MEETING = Code("retention_doc_meeting")
    RETENTION_DOC_EXPENSE = Code("retention_doc_expense")
    RETENTION_DOC_APPLICATION = Code("retention_doc_application")
    RETENTION_DOC_SCREENING = Code("retention_doc_screening")
    # --- end retention
    # --- ship: packaging (issue 23)
    SERVER_EXTRA_MISSING = Code("server_extra_missing")
    # --- english: words the record history (domain/record_history.py) used to write in Danish
    HISTORY_UNKNOWN_USER = Code("history_unknown_user")
    # an application submitted on this computer that is not sent yet (store/services/applications.py)
    APPLICATION_STATUS_PENDING = Code("application_status_pending")
    # a network's timeline (store/services/networks.py); ``stage`` a Stage, ``verdict`` a Verdict,
    # ``status`` a Decision
    TIMELINE_MOVED = Code("timeline_moved")
    TIMELINE_CREATED_AS_CANDIDATE = Code("timeline_created_as_candidate")
    TIMELINE_FRAME_OPENED = Code("timeline_frame_opened")
    TIMELINE_SCREENING_DONE = Code("timeline_screening_done")
    TIMELINE_SCREENING_DRAFT = Code("timeline_screening_draft")
    TIMELINE_APPLICATION_SUBMITTED = Code("timeline_application_submitted")
    TIMELINE_APPLICATION_DECIDED = Code("timeline_application_decided")
    TIMELINE_APPLICATION_DRAFT = Code("timeline_application_draft")
    TIMELINE_FOLLOW_UP = Code("timeline_follow_up")
    TIMELINE_FOLLOW_UP_NEXT = Code("timeline_follow_up_next")
    # what waits to be sent, on the sync page (sync/resolve.py)
    SYNC_PENDING_NEW = Code("sync_pending_new")
    SYNC_PENDING_DELETE = Code("sync_pending_delete")
    SYNC_PENDING_CHANGED = Code("sync_pending_changed")
    # --- end english
    SERVER_BACKUP_DONE = Code("server_backup_done")
    SERVER_RESTORE_DONE = Code("server_restore_done")
    SERVER_RESTORE_NOT_EMPTY = Code("server_restore_not_empty")
    SERVER_BACKUP_TOOL_MISSING = Code("server_backup_tool_missing")
    SERVER_BACKUP_TOOL_FAILED = Code("server_backup_tool_failed")
    SERVER_BACKUP_FILE_MISSING = Code("server_backup_file_missing")
    SERVER_BACKUP_WRONG_FILE_SQLITE = Code("server_backup_wrong_file_sqlite")
    SERVER_BACKUP_WRONG_FILE_PG = Code("server_backup_wrong_file_pg")
    SERVER_BACKUP_TARGET_IS_FOLDER = Code("server_backup_target_is_folder")
    SERVER_BACKUP_SQLITE_MEMORY = Code("server_backup_sqlite_memory")
    SYNC_LOGIN_NO_ANSWER = Code("sync_login_no_answer")
    SYNC_SERVER_SPEAKS_HTTP = Code("sync_server_speaks_http")
    # --- receipts: chunked receipt uploads and receipts fetched when opened (issue 25 item 3)
    SERVER_UPLOAD_NOT_FOUND = Code("server_upload_not_found")
    SERVER_UPLOAD_OFFSET_MISSING = Code("server_upload_offset_missing")
    SERVER_UPLOAD_OFFSET_MISMATCH = Code("server_upload_offset_mismatch")
    SERVER_UPLOAD_PAST_END = Code("server_upload_past_end")
    SYNC_RECEIPT_NOT_ON_SERVER = Code("sync_receipt_not_on_server")
    SYNC_UPLOAD_NOT_TAKEN = Code("sync_upload_not_taken")
    # --- end receipts
    # --- field: compressed bodies (issue 25)
    HTTP_INFLATED_TOO_LARGE = Code("http_inflated_too_large")
    HTTP_BODY_ENCODING_BROKEN = Code("http_body_encoding_broken")
    HTTP_BODY_ENCODING_UNKNOWN = Code("http_body_encoding_unknown")
    # --- end field
    # --- english2: the forms engine's faults (forms/engine.py), in the app's language (issue 24)
    FORM_ANSWER_REQUIRED = Code("form_answer_required")
    FORM_ANSWER_YES_PARTLY_NO = Code("form_answer_yes_partly_no")
    FORM_COMMENT_NOT_TEXT = Code("form_comment_not_text")
    FORM_ANSWER_NOT_TEXT = Code("form_answer_not_text")
    FORM_ANSWER_NOT_WHOLE_NUMBER = Code("form_answer_not_whole_number")
    FORM_ANSWER_NOT_AMOUNT = Code("form_answer_not_amount")
    FORM_ANSWER_NOT_DATE = Code("form_answer_not_date")
    FORM_ANSWER_NOT_AN_OPTION = Code("form_answer_not_an_option")
    FORM_ANSWER_NOT_OPTION_LIST = Code("form_answer_not_option_list")
    FORM_QUESTION_KIND_UNKNOWN = Code("form_question_kind_unknown")
    FORM_ANSWER_BELOW_MIN = Code("form_answer_below_min")
    FORM_ANSWER_ABOVE_MAX = Code("form_answer_above_max")
    FORM_ANSWER_WRONG_SHAPE = Code("form_answer_wrong_shape")
    FORM_MIN_YES = Code("form_min_yes")
    FORM_PROGRESS = Code("form_progress")
    # the command lines' own sentences (commands/, server/cli.py)
    CLI_PASSWORD_PROMPT = Code("cli_password_prompt")
    CLI_SYNC_PROGRESS = Code("cli_sync_progress")
    CLI_RECEIPTS_PROGRESS = Code("cli_receipts_progress")
    CLI_IMPORT_WARNING = Code("cli_import_warning")
    CLI_STATUS_PROFILE = Code("cli_status_profile")
    CLI_STATUS_PENDING = Code("cli_status_pending")
    CLI_STATUS_LAST_SYNC = Code("cli_status_last_sync")
    CLI_STATUS_NEVER_SYNCED = Code("cli_status_never_synced")
    SERVER_CLI_DB_READY = Code("server_cli_db_ready")
    SERVER_CLI_BUNDLED_FORM_PUBLISHED = Code("server_cli_bundled_form_published")
    SERVER_CLI_USER_CREATED = Code("server_cli_user_created")
    SERVER_CLI_FORM_PUBLISHED = Code("server_cli_form_published")
    SERVER_CLI_ERROR = Code("server_cli_error")
    # --- end english2


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
    # Stage values render as their label with ``{stage:stage}``.
    Msg.STAGE_UNKNOWN: {
        "da": "Ukendt trin {stage:q}.",
        "en": "Unknown stage {stage:q}.",
    },
    Msg.STAGE_ALREADY: {
        "da": "Netværket er allerede på »{stage:stage}«.",
        "en": "The network is already at “{stage:stage}”.",
    },
    Msg.STAGE_NETWORK_CLOSED: {
        "da": "Netværket er afsluttet.",
        "en": "The network is closed.",
    },
    Msg.STAGE_MOVE_NOT_ALLOWED: {
        "da": "Et netværk kan ikke gå fra »{current:stage}« til »{target:stage}«.",
        "en": "A network cannot go from “{current:stage}” to “{target:stage}”.",
    },
    Msg.STAGE_CLOSE_REASON_MISSING: {
        "da": "Angiv hvorfor netværket afsluttes.",
        "en": "Say why the network is closed.",
    },
    Msg.STAGE_CLOSE_REASON_UNKNOWN: {
        "da": "Vælg hvorfor netværket afsluttes.",
        "en": "Choose why the network is closed.",
    },
    Msg.STAGE_CLOSE_TEXT_MISSING: {
        "da": "Skriv kort hvorfor netværket afsluttes.",
        "en": "Write briefly why the network is closed.",
    },
    Msg.STAGE_CLOSE_WITH_REASON: {
        "da": "Brug »Afslut netværk« og angiv en begrundelse.",
        "en": "Use “Afslut netværk” (close the network) and give a reason.",
    },
    Msg.STAGE_BACK_ONLY_AFTER_REJECTION: {
        "da": "Kun en afslået ansøgning sender netværket tilbage til trin 1.",
        "en": "Only a rejected application sends the network back to stage 1.",
    },
    Msg.STAGE_PASSED_IS_NOT_CANDIDATE: {
        "da": "Et netværk der har bestået screeningen er ikke kandidat.",
        "en": "A network that has passed the screening is not a candidate.",
    },
    Msg.STAGE_SCREENING_NOT_FINAL: {
        "da": "En afsluttet screening mangler.",
        "en": "A finished screening is missing.",
    },
    Msg.STAGE_SCREENING_NOT_PASSED: {
        "da": "Netværket skal have bestået screeningen.",
        "en": "The network must have passed the screening.",
    },
    Msg.STAGE_APPLICATION_NOT_SUBMITTED: {
        "da": "Ansøgningen om handlingsplan er ikke indsendt.",
        "en": "The application for an action plan has not been submitted.",
    },
    Msg.STAGE_APPLICATION_NOT_APPROVED: {
        "da": "Ansøgningen skal være bevilget af Væksthus.",
        "en": "The application must be approved by Væksthus.",
    },
    Msg.STAGE_3_EVIDENCE_MISSING: {
        "da": "Skriv hvad der viser, at netværket er blevet et forretningsnetværk.",
        "en": "Write what shows that the network has become a business network.",
    },
    Msg.STAGE_3_ONLY_FROM_STAGE_2: {
        "da": "Kun et netværk på »{target:stage}« kan markeres som forretningsnetværk; "
        "netværket er på »{stage:stage}«.",
        "en": "Only a network at “{target:stage}” can be marked as a business network; "
        "the network is at “{stage:stage}”.",
    },
    Msg.STAGE_3_DATE_IN_FUTURE: {
        "da": "Datoen for trin 3 kan ikke ligge i fremtiden.",
        "en": "The date of stage 3 cannot be in the future.",
    },
    Msg.NETWORK_NOT_FOUND: {
        "da": "Netværket findes ikke.",
        "en": "The network does not exist.",
    },
    Msg.EMPLOYEES_NEGATIVE: {
        "da": "Antal ansatte kan ikke være negativt.",
        "en": "The number of employees cannot be negative.",
    },
    Msg.EMPLOYEES_OUTSIDE_TARGET_GROUP: {
        "da": "Virksomheden har {employees:int} {employees:plural:ansat|ansatte} og ligger uden for "
        "målgruppen af SMV'er (højst {maximum:int} ansatte, programmets afsnit 4. Målgruppe).",
        "en": "The company has {employees:int} {employees:plural:employee|employees} and is outside the "
        "target group of SMEs (at most {maximum:int} employees, section 4 of the programme).",
    },
    Msg.NETWORK_SIZE_EXPERIENCE_GROUP: {
        "da": "Netværket har {total:int} virksomheder. Et forretningsnetværk er typisk "
        "{minimum:int}–{usual_max:int}; dette lyder som en erfa-gruppe snarere end et forretningsnetværk.",
        "en": "The network has {total:int} companies. A business network usually has "
        "{minimum:int}–{usual_max:int}; this sounds like an experience group rather than a business network.",
    },
    Msg.NETWORK_SIZE_ABOVE_USUAL: {
        "da": "Netværket har {total:int} virksomheder. Et forretningsnetværk er typisk "
        "{minimum:int}–{usual_max:int}; dette er flere, end et forretningsnetværk plejer at have.",
        "en": "The network has {total:int} companies. A business network usually has "
        "{minimum:int}–{usual_max:int}; this is more than a business network usually has.",
    },
    Msg.HOURS_MISSING: {
        "da": "Angiv antal konsulenttimer.",
        "en": "Give the number of consultant hours.",
    },
    Msg.HOURS_OUT_OF_RANGE: {
        "da": "Konsulenttimerne skal være mellem {minimum:int} og {maximum:int}; der står {hours:int}.",
        "en": "The consultant hours must be between {minimum:int} and {maximum:int}; it says {hours:int}.",
    },
    Msg.MONTHS_MISSING: {
        "da": "Angiv forløbets længde i måneder.",
        "en": "Give the length of the course in months.",
    },
    Msg.MONTHS_OUT_OF_RANGE: {
        "da": "Forløbet skal vare mellem {minimum:int} og {maximum:int} måneder; der står {months:int}.",
        "en": "The course must last between {minimum:int} and {maximum:int} months; it says {months:int}.",
    },
    Msg.SPLIT_MISSING: {
        "da": "Fordelingsnøglen mangler.",
        "en": "The allocation key is missing.",
    },
    Msg.SPLIT_NEGATIVE: {
        "da": "En andel i fordelingsnøglen kan ikke være negativ.",
        "en": "A share in the allocation key cannot be negative.",
    },
    Msg.SPLIT_NOT_WHOLE: {
        "da": "Fordelingsnøglen skal give {expected:pct} i alt; den giver {total:pct}.",
        "en": "The allocation key must add up to {expected:pct}; it adds up to {total:pct}.",
    },
    Msg.SPLIT_EMPTY: {
        "da": "Fordelingsnøglen er tom.",
        "en": "The allocation key is empty.",
    },
    Msg.AMOUNT_MISSING: {
        "da": "Beløbet mangler.",
        "en": "The amount is missing.",
    },
    Msg.AMOUNT_NOT_POSITIVE: {
        "da": "Beløbet skal være større end 0.",
        "en": "The amount must be more than 0.",
    },
    Msg.BUDGET_OVER_FRAME: {
        "da": "Udgiften på {amount:kr} bringer netværket op på {total:kr}, over rammen på {frame:kr} "
        "(overskridelse {over:kr}). Angiv en begrundelse, hvis udgiften alligevel skal bogføres; "
        "den sendes til Væksthus.",
        "en": "The expense of {amount:kr} takes the network to {total:kr}, over the frame of {frame:kr} "
        "({over:kr} over). Give a reason if the expense is to be booked anyway; it is sent to Væksthus.",
    },
    Msg.BUDGET_NEARLY_USED: {
        "da": "Efter denne udgift er {total:kr} af rammen på {frame:kr} brugt; der er {remaining:kr} tilbage.",
        "en": "After this expense {total:kr} of the frame of {frame:kr} is used; {remaining:kr} is left.",
    },
    Msg.BUDGET_PLANNED_OVER_FRAME: {
        "da": "Sammen med de planlagte møder ({planned:kr}) når netværket op på {total:kr}, "
        "over rammen på {frame:kr}",
        "en": "With the planned meetings ({planned:kr}) the network reaches {total:kr}, "
        "over the frame of {frame:kr}",
    },
    Msg.RECEIPT_REQUIRED: {
        "da": "Udgifter over {limit:kr} kræver en kvittering. Udgiften gemmes som kladde og tæller ikke "
        "med i forbruget, før kvitteringen er vedhæftet.",
        "en": "Expenses over {limit:kr} need a receipt. The expense is saved as a draft and does not "
        "count as spent until the receipt is attached.",
    },
    Msg.BUDGET_SPENT_OVER_FRAME: {
        "da": "Netværket har brugt {spent:kr} og er {over:kr} over rammen på {frame:kr}",
        "en": "The network has spent {spent:kr} and is {over:kr} over the frame of {frame:kr}",
    },
    Msg.BUDGET_USED_AND_PLANNED_OVER_FRAME: {
        "da": "Brugt og planlagt ({used:kr}) er mere end rammen på {frame:kr}: "
        "de planlagte møder skal koste {over:kr} mindre.",
        "en": "Spent and planned ({used:kr}) is more than the frame of {frame:kr}: "
        "the planned meetings must cost {over:kr} less.",
    },
    Msg.BUDGET_USED_OR_PLANNED: {
        "da": "{used:pct} af rammen er brugt eller planlagt; der er {remaining:kr} tilbage.",
        "en": "{used:pct} of the frame is spent or planned; {remaining:kr} is left.",
    },
    Msg.EXPENSE_NOT_FOUND: {
        "da": "Udgiften findes ikke længere.",
        "en": "The expense no longer exists.",
    },
    Msg.EXPENSE_OTHER_NETWORK: {
        "da": "En udgift kan ikke flyttes til et andet netværk.",
        "en": "An expense cannot be moved to another network.",
    },
    Msg.EXPENSE_CATEGORY_UNKNOWN: {
        "da": "{category:q} er ikke en udgiftskategori.",
        "en": "{category:q} is not an expense category.",
    },
    Msg.EXPENSE_DESCRIPTION_MISSING: {
        "da": "Skriv hvad udgiften dækker.",
        "en": "Write what the expense covers.",
    },
    Msg.EXPENSE_MEETING_OTHER_NETWORK: {
        "da": "Mødet hører ikke til dette netværk.",
        "en": "The meeting does not belong to this network.",
    },
    Msg.EXPENSE_RECEIPT_NOT_STORED: {
        "da": "Kvitteringen er ikke gemt i profilen; vedhæft den igen.",
        "en": "The receipt is not stored in the profile; attach it again.",
    },
    Msg.EXPENSE_FRAME_NOT_OPENED: {
        "da": "Netværkets screening er ikke bestået endnu, så faciliteringsrammen er ikke åbnet. "
        "Udgifter før en bestået screening dækkes normalt ikke.",
        "en": "The network has not passed its screening yet, so the facilitation frame is not open. "
        "Expenses before a passed screening are normally not covered.",
    },
    Msg.EXPENSE_BEFORE_SCREENING_PASSED: {
        "da": "Udgiften er dateret {d:date}, før screeningen blev bestået ({opened:date}). "
        "Udgifter før en bestået screening dækkes normalt ikke.",
        "en": "The expense is dated {d:date}, before the screening was passed ({opened:date}). "
        "Expenses before a passed screening are normally not covered.",
    },
    Msg.EXPENSE_AFTER_CLOSED: {
        "da": "Udgiften er dateret {d:date}, efter at netværket blev lukket ({closed:date}).",
        "en": "The expense is dated {d:date}, after the network was closed ({closed:date}).",
    },
    Msg.EXPENSE_IN_FUTURE: {
        "da": "Udgiften er dateret {d:date}, en dato i fremtiden.",
        "en": "The expense is dated {d:date}, a date in the future.",
    },
    Msg.EXPENSE_NEEDS_NETWORK: {
        "da": "Udgiften skal høre til et netværk.",
        "en": "The expense must belong to a network.",
    },
    Msg.COMPOSITION_KEEPS_CANDIDATE: {
        "da": "Netværket kan derfor ikke komme videre end kandidat.",
        "en": "So the network cannot get further than candidate.",
    },
    Msg.NETWORK_GONE: {
        "da": "Netværket findes ikke (længere).",
        "en": "The network does not exist (any longer).",
    },
    Msg.COMPANY_GONE: {
        "da": "Virksomheden findes ikke (længere).",
        "en": "The company does not exist (any longer).",
    },
    Msg.MEMBERSHIP_GONE: {
        "da": "Medlemskabet findes ikke (længere).",
        "en": "The membership does not exist (any longer).",
    },
    Msg.MEMBER_ROLE_UNKNOWN: {
        "da": "Ukendt rolle {role:q}.",
        "en": "Unknown role {role:q}.",
    },
    Msg.MEMBER_NETWORK_CLOSED: {
        "da": "Netværket er afsluttet; der kan ikke tilføjes virksomheder.",
        "en": "The network is closed; no companies can be added.",
    },
    Msg.MEMBER_ALREADY: {
        "da": "{company} er allerede med i netværket.",
        "en": "{company} is already in the network.",
    },
    Msg.MEMBER_IN_OTHER_NETWORKS: {
        "da": "{company} er også med i {n:plural:et andet aktivt netværk|andre aktive netværk}: {names}.",
        "en": "{company} is also in {n:plural:another active network|other active networks}: {names}.",
    },
    Msg.APPLICATION_DECISION_NO_TIMEZONE: {
        "da": "Afgørelsens tidspunkt mangler tidszone.",
        "en": "The time of the decision has no time zone.",
    },
    Msg.APPLICATION_DECISION_NOT_SUBMITTED: {
        "da": "Der kan kun træffes afgørelse om en indsendt ansøgning; denne er "
        "{status:label:application_status:lower}.",
        "en": "Only a submitted application can be decided; this one is "
        "{status:label:application_status:lower}.",
    },
    Msg.APPLICATION_REVISION_NOT_REJECTED: {
        "da": "Kun en afslået ansøgning kan danne grundlag for en ny version.",
        "en": "Only a rejected application can be the basis of a new revision.",
    },
    Msg.APPLICATION_REVISION_EXISTS: {
        "da": "Der findes allerede en nyere version af ansøgningen.",
        "en": "There is already a newer revision of the application.",
    },
    Msg.APPLICATION_REVISION_NETWORK_CLOSED: {
        "da": "Netværket er afsluttet; der kan ikke skrives en ny ansøgning.",
        "en": "The network is closed; no new application can be written.",
    },
    Msg.ACTION_PLAN_UNKNOWN_ELEMENTS: {
        "da": "Ukendt element i handlingsplanen: {elements}.",
        "en": "Unknown element in the action plan: {elements}.",
    },
    Msg.ACTION_PLAN_END_BEFORE_START: {
        "da": "Slutdatoen ligger før startdatoen.",
        "en": "The end date is before the start date.",
    },
    Msg.ACTION_PLAN_NOT_APPROVED: {
        "da": "Handlingsplanen følges først, når ansøgningen er bevilget af Væksthus.",
        "en": "The action plan is followed only once Væksthus has approved the application.",
    },
    Msg.APPLICATION_NOT_FOUND: {
        "da": "Ansøgningen findes ikke.",
        "en": "The application does not exist.",
    },
    Msg.APPLICATION_SECTION_MISSING: {
        "da": "Afsnittet {section:q} er ikke udfyldt.",
        "en": "The section {section:q} is not filled in.",
    },
    Msg.APPLICATION_CONSULTANT_MISSING: {
        "da": "Angiv konsulentens navn og firma, eller vælg at Væksthus foreslår en konsulent.",
        "en": "Give the consultant's name and firm, or choose that Væksthus suggests a consultant.",
    },
    Msg.APPLICATION_RATE_MISSING: {
        "da": "Angiv konsulentens timepris.",
        "en": "Give the consultant's hourly rate.",
    },
    Msg.APPLICATION_RATE_NOT_POSITIVE: {
        "da": "Timeprisen skal være større end 0 kr.",
        "en": "The hourly rate must be more than 0 kr.",
    },
    Msg.APPLICATION_NO_COMPANIES: {
        "da": "Netværket har ingen virksomheder at fordele virksomhedernes andel på.",
        "en": "The network has no companies to split the companies' share between.",
    },
    Msg.APPLICATION_ONLY_FROM_STAGE_1: {
        "da": "Kun et netværk på »{target:stage}« kan indsende en ansøgning; netværket er på »{stage:stage}«.",
        "en": "Only a network at “{target:stage}” can submit an application; the network is at “{stage:stage}”.",
    },
    Msg.APPLICATION_SCREENING_NOT_PASSED: {
        "da": "Netværket skal have bestået screeningen, før ansøgningen kan indsendes.",
        "en": "The network must have passed the screening before the application can be submitted.",
    },
    Msg.APPLICATION_CANNOT_SUBMIT_YET: {
        "da": "Ansøgningen kan ikke indsendes endnu:",
        "en": "The application cannot be submitted yet:",
    },
    Msg.APPLICATION_CANNOT_SUBMIT: {
        "da": "Ansøgningen kan ikke indsendes:",
        "en": "The application cannot be submitted:",
    },
    Msg.APPLICATION_ALREADY_SUBMITTED: {
        "da": "Ansøgningen er allerede indsendt.",
        "en": "The application has already been submitted.",
    },
    Msg.APPLICATION_FROZEN: {
        "da": "Ansøgningen er indsendt og kan ikke længere ændres. Lav en ny udgave, hvis den skal rettes.",
        "en": "The application has been submitted and can no longer be changed. "
        "Make a new revision if it needs correcting.",
    },
    Msg.APPLICATION_STATUS_LOCKED: {
        "da": "Ansøgningen er {status:label:application_status:lower} og kan ikke ændres.",
        "en": "The application is {status:label:application_status:lower} and cannot be changed.",
    },
    Msg.APPLICATION_STAGE_NO_NEW: {
        "da": "Netværket er på »{stage:stage}« og kan ikke få en ny ansøgning.",
        "en": "The network is at “{stage:stage}” and cannot get a new application.",
    },
    Msg.APPLICATION_EXISTS: {
        "da": "Netværket har allerede en ansøgning. Efter et afslag startes en ny version fra den gamle.",
        "en": "The network already has an application. After a rejection a new revision starts from the old one.",
    },
    Msg.APPLICATION_SPLIT_MODE_UNKNOWN: {
        "da": "Fordelingsnøglen skal være ligelig eller tilpasset.",
        "en": "The allocation key must be equal or custom.",
    },
    Msg.APPLICATION_DECISION_UNKNOWN: {
        "da": "En afgørelse er enten bevilget eller afslået.",
        "en": "A decision is either approved or rejected.",
    },
    Msg.APPLICATION_ONLY_DRAFT_TO_SUBMITTED: {
        "da": "En ansøgning kan kun gå fra kladde til indsendt; godkendelse og afslag kommer fra Væksthus.",
        "en": "An application can only go from draft to submitted; approval and rejection come from Væksthus.",
    },
    Msg.APPLICATION_SPLIT_SHAPE: {
        "da": "Fordelingsnøglen skal angive en andel i hundrededele procent for hver virksomhed.",
        "en": "The allocation key must give a share in hundredths of a percent for each company.",
    },
    Msg.APPLICATION_SPLIT_UNKNOWN_COMPANY: {
        "da": "Fordelingsnøglen nævner en virksomhed, der ikke findes, eller som du ikke har adgang til.",
        "en": "The allocation key names a company that does not exist or that you have no access to.",
    },
    Msg.EMPLOYEES_NOT_WHOLE: {
        "da": "Antal ansatte skal være et heltal.",
        "en": "The number of employees must be a whole number.",
    },
    Msg.HOURS_NOT_WHOLE: {
        "da": "Konsulenttimerne skal være et heltal.",
        "en": "The consultant hours must be a whole number.",
    },
    Msg.MONTHS_NOT_WHOLE: {
        "da": "Forløbets længde i måneder skal være et heltal.",
        "en": "The length of the course in months must be a whole number.",
    },
    Msg.FIELD_REFERENCE_UNKNOWN: {
        "da": "Feltet {field:q} peger på en post, der ikke findes, eller som du ikke har adgang til.",
        "en": "The field {field:q} points to a record that does not exist or that you have no access to.",
    },
    Msg.FIELD_NOT_ORE: {
        "da": "Feltet {field:q} skal være et beløb i hele øre (et heltal).",
        "en": "The field {field:q} must be an amount in whole øre (a whole number).",
    },
    Msg.FIELD_AMOUNT_TOO_LARGE: {
        "da": "Beløbet i {field:q} er urimeligt stort.",
        "en": "The amount in {field:q} is unreasonably large.",
    },
    Msg.MEETING_COST_NEGATIVE: {
        "da": "Det anslåede beløb kan ikke være negativt.",
        "en": "The estimated amount cannot be negative.",
    },
    Msg.COMPANY_NAME_MISSING: {
        "da": "Virksomheden skal have et navn.",
        "en": "The company must have a name.",
    },
    Msg.COMPANY_FIELD_TOO_LONG: {
        "da": "{field} må højst være {limit:int} tegn.",
        "en": "{field} may be at most {limit:int} characters.",
    },
    Msg.COMPANY_POSTCODE_INVALID: {
        "da": "{text:q} er ikke et postnummer: det skal være 4 cifre.",
        "en": "{text:q} is not a postcode: it must be 4 digits.",
    },
    Msg.COMPANY_FOCUS_AREA_UNKNOWN: {
        "da": "{text:q} er ikke et fokusområde. Vælg et af: {choices}.",
        "en": "{text:q} is not a focus area. Choose one of: {choices}.",
    },
    Msg.COMPANY_YES_OR_NO: {
        "da": "{text:q} skal være ja eller nej.",
        "en": "{text:q} must be yes or no (ja or nej).",
    },
    Msg.COMPANY_KNOWLEDGE_INSTITUTION: {
        "da": "Videninstitution: {reason}",
        "en": "Knowledge institution: {reason}",
    },
    Msg.KEY_FIGURES_YEAR_INVALID: {
        "da": "{text:q} er ikke et årstal mellem {first} og {last}.",
        "en": "{text:q} is not a year between {first} and {last}.",
    },
    Msg.KEY_FIGURES_YEAR_TWICE: {
        "da": "Året {year} står der to gange; nøgletallene for et år skrives på én linje.",
        "en": "The year {year} is there twice; the key figures of a year go on one line.",
    },
    Msg.CONTACT_NAME_MISSING: {
        "da": "Kontaktpersonen skal have et navn.",
        "en": "The contact must have a name.",
    },
    Msg.CONTACT_EMAIL_INVALID: {
        "da": "{text:q} er ikke en e-mailadresse.",
        "en": "{text:q} is not an email address.",
    },
    Msg.CONTACT_CONSENT_IN_FUTURE: {
        "da": "Samtykkedatoen kan ikke ligge i fremtiden.",
        "en": "The date of consent cannot be in the future.",
    },
    Msg.CONTACT_GONE: {
        "da": "Kontaktpersonen findes ikke (længere).",
        "en": "The contact does not exist (any longer).",
    },
    Msg.CONTACT_ANONYMIZED: {
        "da": "Kontaktpersonen er anonymiseret og kan ikke ændres.",
        "en": "The contact is anonymised and cannot be changed.",
    },
    Msg.SCREENING_NOT_FOUND: {
        "da": "Screeningen findes ikke.",
        "en": "The screening does not exist.",
    },
    Msg.SCREENING_NETWORK_CLOSED: {
        "da": "Netværket er afsluttet; der kan ikke startes en ny screening.",
        "en": "The network is closed; no new screening can be started.",
    },
    Msg.SCREENING_ANSWERS_UNUSABLE: {
        "da": "Svarene kan ikke gemmes: {reason}.",
        "en": "The answers cannot be saved: {reason}.",
    },
    Msg.SCREENING_ANSWERS_NOT_A_MAPPING: {
        "da": "Svarene kan ikke gemmes: de skal være en samling af svar.",
        "en": "The answers cannot be saved: they must be a set of answers.",
    },
    Msg.SCREENING_FINAL_UNCHANGEABLE: {
        "da": "En afsluttet screening kan ikke ændres. Start en ny screening for at ændre vurderingen.",
        "en": "A final screening cannot be changed. Start a new screening to change the verdict.",
    },
    Msg.SCREENING_ALREADY_FINAL: {
        "da": "Screeningen er allerede afsluttet. Start en ny screening for at ændre vurderingen.",
        "en": "The screening is already final. Start a new screening to change the verdict.",
    },
    Msg.MEETING_GONE: {
        "da": "Mødet findes ikke længere.",
        "en": "The meeting no longer exists.",
    },
    Msg.MEETING_NO_TIMEZONE: {
        "da": "Mødets tidspunkt mangler en tidszone.",
        "en": "The meeting's time has no time zone.",
    },
    Msg.MEETING_KIND_UNKNOWN: {
        "da": "{kind:q} er ikke en mødetype i programmet.",
        "en": "{kind:q} is not a kind of meeting in the programme.",
    },
    Msg.MEETING_DIMENSIONS_UNKNOWN: {
        "da": "Ukendt dimension i Gustavssons model: {dimensions}.",
        "en": "Unknown dimension in Gustavsson's model: {dimensions}.",
    },
    Msg.MEETING_PARTICIPANT_NOT_CONTACT: {
        "da": "En deltager er ikke kontaktperson i en af netværkets virksomheder.",
        "en": "A participant is not a contact of one of the network's companies.",
    },
    Msg.MEETING_STEP_GONE: {
        "da": "Det næste skridt findes ikke længere.",
        "en": "The next step no longer exists.",
    },
    Msg.MEETING_STEP_TEXT_MISSING: {
        "da": "Næste skridt nr. {n} mangler en beskrivelse.",
        "en": "Next step no. {n} has no description.",
    },
    Msg.MEETING_STEP_OWNER_MISSING: {
        "da": "Næste skridt {text:q} mangler en ansvarlig.",
        "en": "The next step {text:q} has no one responsible.",
    },
    Msg.MEETING_STEP_DUE_MISSING: {
        "da": "Næste skridt {text:q} mangler en frist.",
        "en": "The next step {text:q} has no deadline.",
    },
    Msg.CSV_NOT_READABLE: {
        "da": "Filen kan ikke læses: den er hverken UTF-8 eller Windows-1252 (byte {byte:int}). "
        "Gem den fra Excel som »CSV (semikolonsepareret)«.",
        "en": "The file cannot be read: it is neither UTF-8 nor Windows-1252 (byte {byte:int}). "
        "Save it from Excel as “CSV (semikolonsepareret)”.",
    },
    Msg.CSV_SEPARATOR_HINT: {
        "da": "Filen angiver {hint:q}; kolonnerne skal være adskilt med semikolon (;).",
        "en": "The file says {hint:q}; the columns must be separated by semicolons (;).",
    },
    Msg.CSV_EMPTY: {
        "da": "Filen er tom: den skal have en overskriftslinje med mindst CVR;Navn.",
        "en": "The file is empty: it must have a header line with at least CVR;Navn.",
    },
    Msg.CSV_FIRST_LINE_UNREADABLE: {
        "da": "Linje 1 kan ikke læses: {reason}.",
        "en": "Line 1 cannot be read: {reason}.",
    },
    Msg.CSV_NOT_SEMICOLONS: {
        "da": "Kolonnerne i filen er ikke adskilt med semikolon (;). Gem filen fra Excel som "
        "»CSV (semikolonsepareret)«.",
        "en": "The columns of the file are not separated by semicolons (;). Save the file from Excel as "
        "“CSV (semikolonsepareret)”.",
    },
    Msg.CSV_HEADER_MISSING: {
        "da": "Overskriftslinjen (linje {line:int}) mangler {missing}. Den første linje skal være "
        "overskrifter med mindst CVR;Navn, og gerne {optional}.",
        "en": "The header line (line {line:int}) lacks {missing}. The first line must be "
        "headings with at least CVR;Navn, and preferably {optional}.",
    },
    Msg.CSV_ROW: {
        "da": "Linje {line:int}:",
        "en": "Line {line:int}:",
    },
    Msg.CSV_ROW_NAMED: {
        "da": "Linje {line:int} ({name}):",
        "en": "Line {line:int} ({name}):",
    },
    Msg.CSV_ROW_UNREADABLE: {
        "da": "Linjen kan ikke læses ({reason}).",
        "en": "The line cannot be read ({reason}).",
    },
    Msg.CSV_ROW_TOO_MANY_FIELDS: {
        "da": "Linjen har {cells:int} felter, men overskriften kun {header:int}; "
        "er der et semikolon i et navn uden anførselstegn?",
        "en": "The line has {cells:int} fields, but the header only {header:int}; "
        "is there a semicolon in a name without quotes?",
    },
    Msg.CSV_ROW_DUPLICATE_CVR: {
        "da": "CVR-nummer {cvr} står også på linje {line:int}.",
        "en": "CVR number {cvr} is also on line {line:int}.",
    },
    Msg.CSV_ROWS_WITH_PROBLEMS: {
        "da": "{n:int} {n:plural:række har|rækker har} fejl. Intet er importeret; ret "
        "{n:plural:den|dem} i filen og prøv igen.",
        "en": "{n:int} {n:plural:row has|rows have} errors. Nothing is imported; correct "
        "{n:plural:it|them} in the file and try again.",
    },
    Msg.CSV_NO_COMPANIES: {
        "da": "Filen indeholder ingen virksomheder.",
        "en": "The file holds no companies.",
    },
    Msg.CSV_READY: {
        "da": "{n:int} {n:plural:virksomhed|virksomheder} klar: {new:int} {new:plural:ny|nye}, "
        "{updated:int} opdateres.",
        "en": "{n:int} {n:plural:company|companies} ready: {new:int} new, {updated:int} to be updated.",
    },
    Msg.CSV_COMPANY_DELETED_MEANWHILE: {
        "da": "Linje {line:int}: virksomheden med CVR {cvr} er slettet imens. Intet er importeret; prøv igen.",
        "en": "Line {line:int}: the company with CVR {cvr} was deleted meanwhile. Nothing is imported; "
        "try again.",
    },
    Msg.CVR_MISSING: {
        "da": "CVR-nummeret mangler.",
        "en": "The CVR number is missing.",
    },
    Msg.CVR_NOT_TEXT: {
        "da": "CVR-nummeret skal sendes som tekst.",
        "en": "The CVR number must be sent as text.",
    },
    Msg.CVR_NOT_DIGITS: {
        "da": "{text:q} er ikke et CVR-nummer: det må kun indeholde cifre.",
        "en": "{text:q} is not a CVR number: it may only contain digits.",
    },
    Msg.CVR_WRONG_LENGTH: {
        "da": "{text:q} er ikke et CVR-nummer: det skal have {expected:int} cifre, ikke {length:int}.",
        "en": "{text:q} is not a CVR number: it must have {expected:int} digits, not {length:int}.",
    },
    Msg.CVR_BAD_CHECKSUM: {
        "da": "{text:q} er ikke et gyldigt CVR-nummer: kontrolcifferet passer ikke.",
        "en": "{text:q} is not a valid CVR number: the check digit does not match.",
    },
    Msg.CVR_INVALID: {
        "da": "{text:q} er ikke et gyldigt CVR-nummer.",
        "en": "{text:q} is not a valid CVR number.",
    },
    Msg.BLOB_SHA_INVALID: {
        "da": "{sha:q} er ikke en gyldig SHA-256.",
        "en": "{sha:q} is not a valid SHA-256.",
    },
    Msg.BLOB_FILE_MISSING: {
        "da": "Filen {name} findes ikke eller kan ikke læses.",
        "en": "The file {name} does not exist or cannot be read.",
    },
    Msg.BLOB_NOT_A_RECEIPT: {
        "da": "{name} kan ikke bruges som kvittering. Vedhæft et foto (JPG, PNG, HEIC) eller en PDF.",
        "en": "{name} cannot be used as a receipt. Attach a photo (JPG, PNG, HEIC) or a PDF.",
    },
    Msg.BLOB_FILE_UNREADABLE: {
        "da": "Filen {name} kan ikke læses ({reason}).",
        "en": "The file {name} cannot be read ({reason}).",
    },
    Msg.BLOB_FILE_EMPTY: {
        "da": "Filen {name} er tom.",
        "en": "The file {name} is empty.",
    },
    Msg.BLOB_FILE_TOO_LARGE: {
        "da": "Filen {name} fylder {size:bytes}; et bilag må højst fylde {maximum:bytes}. Tag et mindre "
        "foto eller gem PDF'en komprimeret.",
        "en": "The file {name} takes {size:bytes}; an attachment may take at most {maximum:bytes}. Take a "
        "smaller photo or save the PDF compressed.",
    },
    Msg.BLOB_NOT_HERE_YET: {
        "da": "Bilaget findes ikke i profilen endnu (det hentes ved næste synkronisering).",
        "en": "The attachment is not in the profile yet (it is fetched at the next synchronisation).",
    },
    Msg.PROFILE_NOT_WRITABLE: {
        "da": "Profilmappen {profile} kan ikke bruges: Mægler kan ikke skrive i den ({reason}). Vælg en "
        "anden mappe med --profile, eller ret mappens rettigheder.",
        "en": "The profile folder {profile} cannot be used: Mægler cannot write in it ({reason}). Choose "
        "another folder with --profile, or fix the folder's permissions.",
    },
    Msg.DATABASE_NOT_MAEGLER: {
        "da": "Databasen {path} er beskadiget eller er ikke en Mægler-database. Den er ikke ændret. "
        "Gendan en sikkerhedskopi fra mappen 'sikkerhedskopier', eller kontakt Væksthus.",
        "en": "The database {path} is damaged or is not a Mægler database. It is not changed. Restore a "
        "backup from the folder 'sikkerhedskopier', or contact Væksthus.",
    },
    Msg.DATABASE_DAMAGED: {
        "da": "Databasen {path} er beskadiget ({detail}). Den er ikke ændret. Gendan en sikkerhedskopi "
        "fra mappen 'sikkerhedskopier', eller kontakt Væksthus.",
        "en": "The database {path} is damaged ({detail}). It is not changed. Restore a backup from the "
        "folder 'sikkerhedskopier', or contact Væksthus.",
    },
    Msg.DATABASE_CHECK_FAILED: {
        "da": "Databasen {path} er beskadiget (integritetstjek: {detail}). Den er ikke ændret. Gendan en "
        "sikkerhedskopi fra mappen 'sikkerhedskopier'.",
        "en": "The database {path} is damaged (integrity check: {detail}). It is not changed. Restore a "
        "backup from the folder 'sikkerhedskopier'.",
    },
    Msg.DATABASE_CHECK_SILENT: {
        "da": "Databasen {path} er beskadiget (integritetstjek: intet svar). Den er ikke ændret. Gendan "
        "en sikkerhedskopi fra mappen 'sikkerhedskopier'.",
        "en": "The database {path} is damaged (integrity check: no answer). It is not changed. Restore a "
        "backup from the folder 'sikkerhedskopier'.",
    },
    Msg.DATABASE_UNREADABLE: {
        "da": "Databasen {path} kan ikke læses ({detail}). Den er ikke ændret.",
        "en": "The database {path} cannot be read ({detail}). It is not changed.",
    },
    Msg.DATABASE_NEWER: {
        "da": "Databasen i {profile} er lavet af en nyere version af Mægler (skema {revision}). Opdatér "
        "Mægler for at åbne den; databasen er ikke ændret.",
        "en": "The database in {profile} was made by a newer version of Mægler (schema {revision}). "
        "Update Mægler to open it; the database is not changed.",
    },
    Msg.STAGE_REQUIRES_COMPOSITION: {
        "da": "Mindst {minimum:int} uafhængige virksomheder og højst {maximum:int} videninstitutioner.",
        "en": "At least {minimum:int} independent companies and at most {maximum:int} knowledge "
        "institutions.",
    },
    Msg.STAGE_REQUIRES_FINAL_SCREENING: {
        "da": "En afsluttet screening.",
        "en": "A final screening.",
    },
    Msg.STAGE_REQUIRES_PASSED_SCREENING: {
        "da": "En bestået screening.",
        "en": "A passed screening.",
    },
    Msg.STAGE_REQUIRES_SUBMITTED_APPLICATION: {
        "da": "En indsendt ansøgning om handlingsplan.",
        "en": "A submitted application for an action plan.",
    },
    Msg.STAGE_REQUIRES_APPROVAL: {
        "da": "Ansøgningen er bevilget af Væksthus.",
        "en": "The application is approved by Væksthus.",
    },
    Msg.STAGE_REQUIRES_EVIDENCE: {
        "da": "En beskrivelse af, hvad der viser at netværket er blevet et forretningsnetværk.",
        "en": "A description of what shows that the network has become a business network.",
    },
    Msg.NETWORK_NAME_MISSING: {
        "da": "Netværket skal have et navn.",
        "en": "The network must have a name.",
    },
    Msg.NETWORK_NAME_TOO_LONG: {
        "da": "Navnet må højst være {maximum:int} tegn.",
        "en": "The name may be at most {maximum:int} characters.",
    },
    Msg.NETWORK_TYPE_UNKNOWN: {
        "da": "Ukendt netværkstype {value:q}.",
        "en": "Unknown network type {value:q}.",
    },
    Msg.NETWORK_LEAD_SOURCE_UNKNOWN: {
        "da": "Ukendt kilde {value:q}.",
        "en": "Unknown source {value:q}.",
    },
    Msg.ACTION_PLAN_ENDED_INCOMPLETE: {
        "da": "Slutdatoen er passeret, men handlingsplanen mangler: {missing}.",
        "en": "The end date has passed, but the action plan lacks: {missing}.",
    },
    Msg.SYNC_OFFLINE: {
        "da": "Serveren svarer ikke. Ændringerne er gemt her og sendes, når der er forbindelse igen.",
        "en": "The server does not answer. The changes are kept here and sent when there is a connection "
        "again.",
    },
    Msg.SYNC_OFFLINE_BECAUSE: {
        "da": "Serveren svarer ikke. Ændringerne er gemt her og sendes, når der er forbindelse igen. "
        "({cause})",
        "en": "The server does not answer. The changes are kept here and sent when there is a connection "
        "again. ({cause})",
    },
    Msg.SYNC_LOG_IN_AGAIN: {
        "da": "Du skal logge ind igen: {detail}",
        "en": "You must log in again: {detail}",
    },
    Msg.SYNC_UPGRADE_REQUIRED: {
        "da": "Serveren kræver en nyere udgave af Mægler: {detail} Dine ændringer er gemt her og sendes, "
        "når Mægler er opdateret.",
        "en": "The server needs a newer version of Mægler: {detail} Your changes are kept here and sent "
        "when Mægler is updated.",
    },
    Msg.SYNC_TOO_MANY_ATTEMPTS: {
        "da": "For mange forsøg: {detail}",
        "en": "Too many attempts: {detail}",
    },
    Msg.SYNC_SERVER_FAILED: {
        "da": "Serveren fejlede ({status}): {detail} Prøv igen senere; intet er tabt.",
        "en": "The server failed ({status}): {detail} Try again later; nothing is lost.",
    },
    Msg.SYNC_NOT_LOGGED_IN: {
        "da": "Du er ikke logget ind på Væksthus' server. Log ind først (maegler login --server URL "
        "--user NAVN).",
        "en": "You are not logged in to Væksthus' server. Log in first (maegler login --server URL --user "
        "NAME).",
    },
    Msg.SYNC_TOKEN_NOT_SAVED: {
        "da": "Log ind igen som {username} for at synkronisere (dit login er ikke gemt på denne computer).",
        "en": "Log in again as {username} to synchronise (your login is not kept on this computer).",
    },
    Msg.SYNC_SERVER_URL_MISSING: {
        "da": "Skriv serverens adresse, fx https://maegler.vaeksthus.dk.",
        "en": "Write the server's address, e.g. https://maegler.vaeksthus.dk.",
    },
    Msg.SYNC_SERVER_URL_INVALID: {
        "da": "{url:q} er ikke en webadresse (den skal begynde med https://).",
        "en": "{url:q} is not a web address (it must begin with https://).",
    },
    Msg.SYNC_LOGIN_FIELDS_MISSING: {
        "da": "Skriv både brugernavn og adgangskode.",
        "en": "Write both user name and password.",
    },
    Msg.SYNC_PROFILE_OTHER_USER: {
        "da": "Denne profil hører til brugeren {username:q} på {server}. Brug en anden profil (--profile) "
        "til en anden bruger, så data ikke blandes.",
        "en": "This profile belongs to the user {username:q} at {server}. Use another profile (--profile) "
        "for another user, so data is not mixed.",
    },
    Msg.SYNC_ALREADY_RESOLVED: {
        "da": "Ændringen er allerede løst eller findes ikke længere.",
        "en": "The change is already resolved or no longer exists.",
    },
    Msg.SCREENING_CANNOT_FINISH: {
        "da": "Screeningen kan ikke afsluttes: {n:int} {n:plural:svar mangler eller er forkert|svar "
        "mangler eller er forkerte}.{issues}",
        "en": "The screening cannot be final: {n:int} {n:plural:answer is|answers are} missing or "
        "wrong.{issues}",
    },
    Msg.SYNC_UNANSWERED: {
        "da": "Serveren svarede ikke på alle ændringer; de sendes igen ved næste synkronisering.",
        "en": "The server did not answer every change; they are sent again at the next synchronisation.",
    },
    Msg.SYNC_CONFLICT: {
        "da": "Posten er også ændret af en anden (Væksthus eller en anden computer) siden du hentede den.",
        "en": "The record was also changed by someone else (Væksthus or another computer) since you "
        "fetched it.",
    },
    Msg.SYNC_REJECTED_WITHOUT_REASON: {
        "da": "Serveren afviste ændringen uden begrundelse.",
        "en": "The server refused the change without a reason.",
    },
    Msg.SYNC_UNKNOWN_ANSWER: {
        "da": "Ukendt svar fra serveren: {status:q}",
        "en": "Unknown answer from the server: {status:q}",
    },
    Msg.SYNC_BLOB_MISSING: {
        "da": "Bilaget {sha}… mangler på denne computer og kan ikke sendes.",
        "en": "The attachment {sha}… is missing on this computer and cannot be sent.",
    },
    Msg.SYNC_BLOB_DAMAGED: {
        "da": "Bilaget {sha}… er beskadiget på denne computer.",
        "en": "The attachment {sha}… is damaged on this computer.",
    },
    Msg.SYNC_NO_KEYRING: {
        "da": "Der er ingen nøglering på denne computer, som Mægler kan gemme dit login i. Dit login "
        "huskes derfor kun, så længe programmet kører, og du bliver bedt om adgangskoden hver gang "
        "du starter Mægler.",
        "en": "There is no keyring on this computer that Mægler can keep your login in. Your login is "
        "therefore only remembered while the program runs, and you are asked for the password every "
        "time you start Mægler.",
    },
    Msg.SYNC_LOGGED_IN: {
        "da": "Logget ind som {username} ({role:label:role}).",
        "en": "Logged in as {username} ({role:label:role}).",
    },
    Msg.SYNC_LOGGED_IN_NO_KEYRING: {
        "da": "Logget ind som {username}. {note}",
        "en": "Logged in as {username}. {note}",
    },
    Msg.SYNC_WAS_NOT_LOGGED_IN: {
        "da": "Du var ikke logget ind.",
        "en": "You were not logged in.",
    },
    Msg.SYNC_LOGGED_OUT: {
        "da": "Logget ud ({username}). Dine data er stadig her på computeren.",
        "en": "Logged out ({username}). Your data is still here on the computer.",
    },
    Msg.CLI_FILE_NOT_READABLE: {
        "da": "Filen {path} kan ikke læses: {reason}.",
        "en": "The file {path} cannot be read: {reason}.",
    },
    Msg.CLI_FILE_NOT_WRITABLE: {
        "da": "Filen {path} kan ikke skrives: {reason}.",
        "en": "The file {path} cannot be written: {reason}.",
    },
    Msg.CLI_IN_FILE: {
        "da": "{file}: {text}",
        "en": "{file}: {text}",
    },
    Msg.CLI_SCALE_NOT_POSITIVE: {
        "da": "--scale skal være større end 0.",
        "en": "--scale must be greater than 0.",
    },
    Msg.CLI_LOG_IN: {
        "da": "{text} (maegler login --server URL --user NAVN)",
        "en": "{text} (maegler login --server URL --user NAME)",
    },
    Msg.CLI_SYNC_INCOMPLETE: {
        "da": "Synkroniseringen er ikke fuldført: {parts}.",
        "en": "The synchronisation is not complete: {parts}.",
    },
    Msg.CLI_SYNC_ATTENTION: {
        "da": "{n:int} {n:plural:ændring|ændringer} kræver din stillingtagen (konflikter eller afvist af "
        "serveren; se Synkronisering i programmet)",
        "en": "{n:int} {n:plural:change needs|changes need} your decision (conflicts or refused by the "
        "server; see Synkronisering in the program)",
    },
    Msg.CLI_SYNC_NOT_ALL_PULLED: {
        "da": "ikke alt er hentet fra serveren",
        "en": "not everything is fetched from the server",
    },
    Msg.SYNC_BLOB_TOO_LARGE: {
        "da": "Filen er for stor; et bilag må højst fylde {maximum:bytes}.",
        "en": "The file is too large; an attachment may take at most {maximum:bytes}.",
    },
    Msg.CLI_OPTIONS_ONLY_WITHOUT_COMMAND: {
        "da": "{options} kan kun bruges uden underkommando, ikke med {command:q}",
        "en": "{options} can only be used without a sub-command, not with {command:q}",
    },
    Msg.BROKER_TARGET_BELOW: {
        "da": "{established:int} etablerede netværk; målet er {low:int}–{high:int} pr. mægler, så der "
        "mangler {gap:int}.",
        "en": "{established:int} established {established:plural:network|networks}; the target is "
        "{low:int}–{high:int} per broker, so {gap:int} {gap:plural:is|are} missing.",
    },
    Msg.BROKER_TARGET_ABOVE: {
        "da": "{established:int} etablerede netværk: over målet på {low:int}–{high:int} pr. mægler.",
        "en": "{established:int} established {established:plural:network|networks}: above the target of "
        "{low:int}–{high:int} per broker.",
    },
    Msg.BROKER_TARGET_WITHIN: {
        "da": "{established:int} etablerede netværk: inden for målet på {low:int}–{high:int} pr. mægler.",
        "en": "{established:int} established {established:plural:network|networks}: within the target of "
        "{low:int}–{high:int} per broker.",
    },
    Msg.SYNC_CHANGE_TOO_LARGE: {
        "da": "Ændringen er for stor til at blive sendt (over grænsen for én sending).",
        "en": "The change is too large to be sent (over the limit for one push).",
    },
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
    Msg.STAGE_DECISION_ONLY: {
        "da": "Kun Væksthus' afgørelse på ansøgningen flytter netværket fra »{current:stage}« til "
        "»{target:stage}«.",
        "en": "Only Væksthus' decision on the application moves the network from “{current:stage}” "
        "to “{target:stage}”.",
    },
    Msg.SCREENING_FROZEN: {
        "da": "Screeningen er afsluttet og kan ikke ændres (svar, vurdering og status). "
        "Start en ny screening for at ændre vurderingen.",
        "en": "The screening is final and cannot be changed (answers, verdict and status). "
        "Start a new screening to change the verdict.",
    },
    Msg.SCREENING_FORM_UNKNOWN: {
        "da": "Serveren kender ikke skemaet {form_id:q} version {version}; screeningen kan ikke afsluttes.",
        "en": "The server does not know the form {form_id:q} version {version}; the screening cannot be "
        "final.",
    },
    Msg.SCREENING_INCOMPLETE: {
        "da": "Screeningen kan ikke afsluttes: {n:int} {n:plural:svar mangler eller er forkert|svar mangler "
        "eller er forkerte}, fx {first}",
        "en": "The screening cannot be final: {n:int} {n:plural:answer is|answers are} missing or wrong, "
        "e.g. {first}",
    },
    Msg.SCREENING_VERDICT_MISMATCH: {
        "da": "Screeningens vurdering {sent:q} passer ikke til svarene; efter skemaet er vurderingen "
        "{computed:q}.",
        "en": "The screening's verdict {sent:q} does not follow from its answers; by the form it is "
        "{computed:q}.",
    },
    Msg.EXPENSE_RECEIPT_MISSING: {
        "da": "Udgiften på {amount:kr} kan ikke være endelig uden kvittering (over {limit:kr} kræver "
        "kvittering); gem den som kladde, til kvitteringen er vedhæftet.",
        "en": "The expense of {amount:kr} cannot be final without a receipt (over {limit:kr} needs one); "
        "keep it as a draft until the receipt is attached.",
    },
    Msg.DECISION_REASON_MISSING: {
        "da": "Et afslag skal begrundes: skriv hvorfor ansøgningen afslås.",
        "en": "A rejection needs a reason: write why the application is rejected.",
    },
    Msg.CVR_ALREADY_REGISTERED: {
        "da": "CVR-nummer {cvr} er allerede registreret for {name}.",
        "en": "CVR number {cvr} is already registered for {name}.",
    },
    Msg.SCREENING_WITHOUT_NETWORK: {
        "da": "Screeningen skal høre til et netværk.",
        "en": "The screening must belong to a network.",
    },
    Msg.APPLICATION_WITHOUT_NETWORK: {
        "da": "Ansøgningen skal høre til et netværk.",
        "en": "The application must belong to a network.",
    },
    Msg.PUSH_ENTITY_UNKNOWN: {
        "da": "Serveren kender ikke posttypen {entity:q}.",
        "en": "The server does not know the record type {entity:q}.",
    },
    Msg.PUSH_BY_CASEWORKER: {
        "da": "Sagsbehandlere sender ikke ændringer til mæglernes poster; brug afgørelser i stedet.",
        "en": "Caseworkers do not send changes to the brokers' records; use decisions instead.",
    },
    Msg.PUSH_RECORD_NOT_FOUND: {
        "da": "Posten findes ikke, eller du har ikke adgang til den.",
        "en": "The record does not exist, or you have no access to it.",
    },
    Msg.PUSH_BASE_VERSION_AHEAD: {
        "da": "Ændringen bygger på version {base_version:int}, men serveren har kun version {version:int}.",
        "en": "The change builds on version {base_version:int}, but the server only has version {version:int}.",
    },
    Msg.PUSH_CHANGE_ID_REUSED: {
        "da": "Ændrings-id'et er allerede brugt til en anden ændring; send ændringen med et nyt id.",
        "en": "The change id is already used for another change; send the change with a new id.",
    },
    Msg.AUTH_LOG_IN_FIRST: {
        "da": "Log ind først.",
        "en": "Log in first.",
    },
    Msg.AUTH_NOT_LOGGED_IN: {
        "da": "Du er ikke logget ind, eller dit login er udløbet.",
        "en": "You are not logged in, or your login has expired.",
    },
    Msg.AUTH_CASEWORKERS_ONLY: {
        "da": "Kun Væksthus' sagsbehandlere har adgang til dette.",
        "en": "Only Væksthus' caseworkers have access to this.",
    },
    Msg.AUTH_BAD_CREDENTIALS: {
        "da": "Forkert brugernavn eller adgangskode.",
        "en": "Wrong user name or password.",
    },
    Msg.AUTH_TOO_MANY_ATTEMPTS: {
        "da": "For mange mislykkede logins for denne bruger. Vent et kvarter, og prøv igen.",
        "en": "Too many failed logins for this user. Wait a quarter of an hour, and try again.",
    },
    Msg.SERVER_HISTORY_ENTITY_UNKNOWN: {
        "da": "Ukendt posttype »{entity}«. Kendte: {known}.",
        "en": "Unknown record type “{entity}”. Known: {known}.",
    },
    Msg.SERVER_HISTORY_RECORD_NOT_FOUND: {
        "da": "Serveren har ingen {entity} med id {id}.",
        "en": "The server has no {entity} with id {id}.",
    },
    Msg.UI_HISTORY_COUNT: {
        "da": "{n:int} {n:plural:ændring|ændringer}, nyeste først (netværket og dets poster).",
        "en": "{n:int} {n:plural:change|changes}, newest first (the network and its records).",
    },
    Msg.SERVER_HISTORY_EMPTY: {
        "da": "Ingen ændringer i historikken (den føres fra serverens opdatering i december 2026).",
        "en": "No changes in the history (it is kept from the server's update of December 2026).",
    },
    Msg.AUTH_TOO_MANY_FROM_ADDRESS: {
        "da": "For mange mislykkede logins fra denne adresse. Vent et kvarter, og prøv igen.",
        "en": "Too many failed logins from this address. Wait a quarter of an hour, and try again.",
    },
    Msg.SERVER_TRUSTED_PROXY_BAD: {
        "da": "--trusted-proxy skal være IP-adresser eller net, fx 10.0.0.0/8; fik: {value}",
        "en": "--trusted-proxy must be IP addresses or networks, e.g. 10.0.0.0/8; got: {value}",
    },
    Msg.AUTH_SERVER_BUSY: {
        "da": "Serveren har travlt med andre logins lige nu. Prøv igen om lidt.",
        "en": "The server is busy with other logins just now. Try again in a moment.",
    },
    Msg.SERVER_BLOB_NOT_FOUND: {
        "da": "Bilaget findes ikke.",
        "en": "The attachment does not exist.",
    },
    Msg.ACCOUNT_USERNAME_MISSING: {
        "da": "Brugernavnet må ikke være tomt.",
        "en": "The user name must not be empty.",
    },
    Msg.ACCOUNT_USERNAME_TOO_LONG: {
        "da": "Brugernavnet må højst være {maximum:int} tegn og kun almindelige tegn.",
        "en": "The user name may be at most {maximum:int} characters, and only ordinary ones.",
    },
    Msg.ACCOUNT_NAME_TOO_LONG: {
        "da": "Det fulde navn må højst være {maximum:int} tegn og kun almindelige tegn.",
        "en": "The full name may be at most {maximum:int} characters, and only ordinary ones.",
    },
    Msg.ACCOUNT_ROLE_UNKNOWN: {
        "da": "Rollen skal være broker eller caseworker, ikke {role:q}.",
        "en": "The role must be broker or caseworker, not {role:q}.",
    },
    Msg.ACCOUNT_PASSWORD_TOO_SHORT: {
        "da": "Adgangskoden skal være mindst {minimum:int} tegn.",
        "en": "The password must be at least {minimum:int} characters.",
    },
    Msg.ACCOUNT_EXISTS: {
        "da": "Brugeren {username:q} findes allerede.",
        "en": "The user {username:q} already exists.",
    },
    Msg.DECISION_CASEWORKERS_ONLY: {
        "da": "Kun Væksthus' sagsbehandlere kan træffe afgørelse om en ansøgning.",
        "en": "Only Væksthus' caseworkers can decide on an application.",
    },
    Msg.SERVER_FORM_NOT_AN_OBJECT: {
        "da": "En formulardefinition skal være et JSON-objekt.",
        "en": "A form definition must be a JSON object.",
    },
    Msg.SERVER_FORM_ID_INVALID: {
        "da": "{field:q} skal være en tekst på 1-80 tegn.",
        "en": "{field:q} must be a text of 1-80 characters.",
    },
    Msg.SERVER_FORM_VERSION_INVALID: {
        "da": "{field:q} skal være et positivt heltal.",
        "en": "{field:q} must be a positive whole number.",
    },
    Msg.SERVER_FORM_NOT_TEXT: {
        "da": "{field:q} skal være en tekst.",
        "en": "{field:q} must be a text.",
    },
    Msg.SERVER_FORM_NOT_A_LIST: {
        "da": "{field:q} skal være en liste.",
        "en": "{field:q} must be a list.",
    },
    Msg.SERVER_FORM_UNUSABLE: {
        "da": "Formularen kan ikke bruges: {reason}",
        "en": "The form cannot be used: {reason}",
    },
    Msg.SERVER_FORM_FILE_UNREADABLE: {
        "da": "Filen {path} kan ikke læses ({reason}).",
        "en": "The file {path} cannot be read ({reason}).",
    },
    Msg.SERVER_FORM_FILE_NOT_JSON: {
        "da": "Filen {path} er ikke gyldig JSON ({detail}).",
        "en": "The file {path} is not valid JSON ({detail}).",
    },
    Msg.SERVER_FORM_EXISTS: {
        "da": "Formularen {form:q} version {version:int} findes allerede.",
        "en": "The form {form:q} version {version:int} already exists.",
    },
    Msg.SERVER_FORM_VERSION_NOT_HIGHER: {
        "da": "Formularen {form:q} findes allerede i version {latest:int}; en ny udgave skal have et "
        "højere versionsnummer.",
        "en": "The form {form:q} already exists in version {latest:int}; a new one must have a higher "
        "version number.",
    },
    Msg.DATA_TEXT_HAS_NUL: {
        "da": "Teksten indeholder et NUL-tegn.",
        "en": "The text contains a NUL character.",
    },
    Msg.DATA_TEXT_NOT_UNICODE: {
        "da": "Teksten er ikke gyldig Unicode.",
        "en": "The text is not valid Unicode.",
    },
    Msg.DATA_TOO_DEEP: {
        "da": "Data er indlejret mere end {maximum:int} niveauer.",
        "en": "The data is nested more than {maximum:int} levels.",
    },
    Msg.DATA_NUMBER_NOT_FINITE: {
        "da": "Tal skal være endelige.",
        "en": "Numbers must be finite.",
    },
    Msg.SERVER_DB_URL_UNREADABLE: {
        "da": "Databaseadressen {url:q} kan ikke forstås.",
        "en": "The database address {url:q} cannot be understood.",
    },
    Msg.SERVER_DB_URL_UNUSABLE: {
        "da": "Databaseadressen {url:q} kan ikke bruges: {detail}",
        "en": "The database address {url:q} cannot be used: {detail}",
    },
    Msg.SERVER_DB_FOLDER: {
        "da": "Mappen {folder} til databasen kan ikke oprettes ({detail}).",
        "en": "The folder {folder} for the database cannot be created ({detail}).",
    },
    Msg.SERVER_DB_CANNOT_OPEN: {
        "da": "Databasen kan ikke åbnes: {detail}",
        "en": "The database cannot be opened: {detail}",
    },
    Msg.SERVER_DB_CANNOT_UPGRADE: {
        "da": "Databasen kan ikke opgraderes: {detail}",
        "en": "The database cannot be upgraded: {detail}",
    },
    Msg.SERVER_DB_NOT_CREATED: {
        "da": "Databasen er ikke oprettet. Kør først »maegler-server init« med samme --db.",
        "en": "The database is not created. First run “maegler-server init” with the same --db.",
    },
    Msg.SERVER_DB_NEWER: {
        "da": "Databasen er fra en nyere udgave af Mægler-serveren; opdatér serveren før den startes.",
        "en": "The database is from a newer version of the Mægler server; update the server before "
        "starting it.",
    },
    Msg.SERVER_DB_OLDER: {
        "da": "Databasen har et ældre skema. Kør »maegler-server init« for at opgradere den.",
        "en": "The database has an older schema. Run “maegler-server init” to upgrade it.",
    },
    Msg.SERVER_OPTION_AT_LEAST_ONE: {
        "da": "{option} skal være mindst 1.",
        "en": "{option} must be at least 1.",
    },
    Msg.SERVER_WORKERS_NEED_POSTGRESQL: {
        "da": "Flere serverprocesser kræver PostgreSQL: SQLite har kun én skriver ad gangen. Brug "
        "--workers 1, eller giv en PostgreSQL-adresse med --db.",
        "en": "Several server processes need PostgreSQL: SQLite has only one writer at a time. Use "
        "--workers 1, or give a PostgreSQL address with --db.",
    },
    Msg.SERVER_PORT_TAKEN: {
        "da": "Port {port} bruges allerede af en anden Mægler-server.",
        "en": "Port {port} is already used by another Mægler server.",
    },
    Msg.SERVER_CANNOT_LISTEN: {
        "da": "Serveren kan ikke lytte på {host}:{port} ({detail}).",
        "en": "The server cannot listen on {host}:{port} ({detail}).",
    },
    Msg.SERVER_PROCESS_DIED: {
        "da": "En serverproces stoppede uventet; serveren er lukket.",
        "en": "A server process stopped unexpectedly; the server is shut down.",
    },
    Msg.HTTP_BAD_REQUEST: {
        "da": "Forespørgslen kan ikke forstås.",
        "en": "The request cannot be understood.",
    },
    Msg.HTTP_FORBIDDEN: {
        "da": "Du har ikke adgang til dette.",
        "en": "You have no access to this.",
    },
    Msg.HTTP_NOT_FOUND: {
        "da": "Findes ikke.",
        "en": "Does not exist.",
    },
    Msg.HTTP_METHOD_NOT_ALLOWED: {
        "da": "Metoden kan ikke bruges her.",
        "en": "The method cannot be used here.",
    },
    Msg.HTTP_TOO_LARGE: {
        "da": "Forespørgslen er for stor.",
        "en": "The request is too large.",
    },
    Msg.HTTP_LARGER_THAN_LIMIT: {
        "da": "Forespørgslen er større end grænsen på {megabytes:int} MB.",
        "en": "The request is larger than the limit of {megabytes:int} MB.",
    },
    Msg.HTTP_PROTOCOL_MISMATCH: {
        "da": "Serveren taler protokolversion {server}, men programmet bruger version {given:q}. Opdatér "
        "Mægler; dine ændringer venter til da.",
        "en": "The server speaks protocol version {server}, but the program uses version {given:q}. "
        "Update Mægler; your changes wait until then.",
    },
    Msg.HTTP_CONTENT_LENGTH_NOT_A_NUMBER: {
        "da": "Content-Length er ikke et tal.",
        "en": "Content-Length is not a number.",
    },
    Msg.HTTP_NOT_JSON: {
        "da": "Forespørgslen er ikke gyldig JSON.",
        "en": "The request is not valid JSON.",
    },
    Msg.HTTP_WRONG_SHAPE: {
        "da": "Forespørgslen har ikke den rigtige form.",
        "en": "The request does not have the right shape.",
    },
    Msg.HTTP_UNEXPECTED: {
        "da": "Serveren fejlede uventet; prøv igen senere.",
        "en": "The server failed unexpectedly; try again later.",
    },
    Msg.HTTP_ERROR: {
        "da": "Fejl.",
        "en": "Error.",
    },
    Msg.SERVER_BLOB_HASH_MISMATCH: {
        "da": "Filens indhold passer ikke med dens SHA-256; send den igen.",
        "en": "The file's content does not match its SHA-256; send it again.",
    },
    #
    # --- schema: per-entity validation of pushed records
    Msg.SCHEMA_FIELD_MISSING: {
        "da": "Feltet {label:q} mangler.",
        "en": "The field {label:q} is missing.",
    },
    Msg.SCHEMA_NOT_TEXT: {
        "da": "Feltet {label:q} skal være tekst, men der kom {value:q}.",
        "en": "The field {label:q} must be text, but {value:q} came.",
    },
    Msg.SCHEMA_NOT_A_WHOLE_NUMBER: {
        "da": "Feltet {label:q} skal være et helt tal, men der kom {value:q}.",
        "en": "The field {label:q} must be a whole number, but {value:q} came.",
    },
    Msg.SCHEMA_NOT_AN_AMOUNT: {
        "da": "Feltet {label:q} skal være et beløb i hele øre (et helt tal), men der kom {value:q}.",
        "en": "The field {label:q} must be an amount in whole øre (a whole number), but {value:q} came.",
    },
    Msg.SCHEMA_NOT_YES_OR_NO: {
        "da": "Feltet {label:q} skal være ja eller nej (true eller false), men der kom {value:q}.",
        "en": "The field {label:q} must be yes or no (true or false), but {value:q} came.",
    },
    Msg.SCHEMA_UNKNOWN_VALUE: {
        "da": "Feltet {label:q} kan ikke have værdien {value:q}.",
        "en": "The field {label:q} cannot have the value {value:q}.",
    },
    Msg.SCHEMA_NOT_A_DATE: {
        "da": "Feltet {label:q} skal være en dato som 2025-03-07, men der kom {value:q}.",
        "en": "The field {label:q} must be a date such as 2025-03-07, but {value:q} came.",
    },
    Msg.SCHEMA_NOT_A_TIME: {
        "da": "Feltet {label:q} skal være et tidspunkt som 2026-12-14T09:30:00+00:00, men der kom {value:q}.",
        "en": "The field {label:q} must be a time such as 2026-12-14T09:30:00+00:00, but {value:q} came.",
    },
    Msg.SCHEMA_TIME_WITHOUT_ZONE: {
        "da": "Feltet {label:q} skal være et tidspunkt med tidszone (fx +00:00), men der kom {value:q}.",
        "en": "The field {label:q} must be a time with its offset (e.g. +00:00), but {value:q} came.",
    },
    Msg.SCHEMA_TOO_SMALL: {
        "da": "Feltet {label:q} skal være mindst {limit:int}, men der kom {value:q}.",
        "en": "The field {label:q} must be at least {limit:int}, but {value:q} came.",
    },
    Msg.SCHEMA_NOT_ABOVE: {
        "da": "Feltet {label:q} skal være større end {limit:int}, men der kom {value:q}.",
        "en": "The field {label:q} must be greater than {limit:int}, but {value:q} came.",
    },
    Msg.SCHEMA_TOO_LARGE: {
        "da": "Feltet {label:q} må højst være {limit:int}, men der kom {value:q}.",
        "en": "The field {label:q} may be at most {limit:int}, but {value:q} came.",
    },
    Msg.SCHEMA_TOO_LONG: {
        "da": "Feltet {label:q} må højst have {limit:int} tegn, men har {length:int}.",
        "en": "The field {label:q} may have at most {limit:int} characters, but has {length:int}.",
    },
    Msg.SCHEMA_EMPTY: {
        "da": "Feltet {label:q} må ikke være tomt.",
        "en": "The field {label:q} may not be empty.",
    },
    Msg.SCHEMA_NOT_A_LIST: {
        "da": "Feltet {label:q} skal være en liste, men der kom {value:q}.",
        "en": "The field {label:q} must be a list, but {value:q} came.",
    },
    Msg.SCHEMA_NOT_AN_OBJECT: {
        "da": "Feltet {label:q} skal være et objekt (navn: værdi), men der kom {value:q}.",
        "en": "The field {label:q} must be an object (name: value), but {value:q} came.",
    },
    Msg.SCHEMA_WRONG_SHAPE: {
        "da": "Feltet {label:q} er ikke opbygget, som protokollen beskriver; der kom {value:q}.",
        "en": "The field {label:q} is not built the way the protocol describes; {value:q} came.",
    },
    #
    # --- figures: programme figures and stats
    #
    #
    Msg.PROGRAMME_COMPANIES_SCREENED: {"da": "Screenede virksomheder", "en": "Companies screened"},
    Msg.PROGRAMME_NETWORKS: {"da": "Etablerede netværk (trin 1)", "en": "Networks established (stage 1)"},
    Msg.PROGRAMME_NETWORK_COMPANIES: {
        "da": "Virksomheder i etablerede netværk",
        "en": "Companies in established networks",
    },
    Msg.PROGRAMME_ACTION_PLANS: {"da": "Handlingsplaner (trin 2)", "en": "Action plans (stage 2)"},
    Msg.PROGRAMME_ACTION_PLAN_COMPANIES: {
        "da": "Virksomheder med handlingsplan",
        "en": "Companies with an action plan",
    },
    Msg.PROGRAMME_BUSINESS_NETWORKS: {
        "da": "Forretningsnetværk (trin 3)",
        "en": "Business networks (stage 3)",
    },
    Msg.PROGRAMME_BUSINESS_NETWORK_COMPANIES: {
        "da": "Virksomheder i forretningsnetværk",
        "en": "Companies in business networks",
    },
    Msg.PROGRAMME_SATISFIED: {"da": "Tilfredse deltagere", "en": "Satisfied participants"},
    Msg.PROGRAMME_NETWORKS_PER_BROKER: {"da": "Netværk pr. netværksmægler", "en": "Networks per broker"},
    Msg.PROGRAMME_RANGE: {"da": "{low:int}–{high:int}", "en": "{low:int}–{high:int}"},
    Msg.PROGRAMME_AT_LEAST: {"da": "mindst {low:int} %", "en": "at least {low:int} %"},
    Msg.PROGRAMME_BROKERS_IN_RANGE: {
        "da": "{n:int} af {total:int} {total:plural:mægler|mæglere} har nået {low:int}",
        "en": "{n:int} of {total:int} {total:plural:broker|brokers} reached {low:int}",
    },
    Msg.PROGRAMME_NO_ANSWERS: {"da": "ingen svar endnu", "en": "no answers yet"},
    # --- demo: demo data and the demo programme
    #
    Msg.DEMO_SERVER_DID_NOT_START: {
        "da": "Demoprogrammet kunne ikke starte serveren på 127.0.0.1.",
        "en": "The demo programme could not start the server on 127.0.0.1.",
    },
    Msg.DEMO_REFUSED: {
        "da": "Serveren afviste demoprogrammets data: {reason}",
        "en": "The server refused the demo programme's data: {reason}",
    },
    Msg.DEMO_BROKERS_RANGE: {
        "da": "--brokers skal være mellem 1 og {most:int}.",
        "en": "--brokers must be between 1 and {most:int}.",
    },
    Msg.DEMO_DATABASE_NOT_EMPTY: {
        "da": "Databasen har allerede brugere; demoprogrammet lægges kun i en tom database.",
        "en": "The database already has users; the demo programme goes only into an empty database.",
    },
    Msg.DEMO_SEEDED: {
        "da": "Demoprogrammet er lagt ind: {brokers:int} {brokers:plural:mægler|mæglere}, {networks:int} netværk, "
        "{approved:int} {approved:plural:bevilling|bevillinger} og {rejected:int} {rejected:plural:afslag|afslag}, "
        "{records:int} {records:plural:ændring|ændringer} i alt.",
        "en": "The demo programme is in: {brokers:int} {brokers:plural:broker|brokers}, {networks:int} "
        "{networks:plural:network|networks}, {approved:int} {approved:plural:approval|approvals} and {rejected:int} "
        "{rejected:plural:rejection|rejections}, {records:int} {records:plural:change|changes} in all.",
    },
    Msg.DEMO_STAGE_COUNT: {
        "da": "  {stage}: {n:int}",
        "en": "  {stage}: {n:int}",
    },
    Msg.DEMO_LOGIN: {
        "da": "Log ind som {caseworker:q} (sagsbehandler) eller {first:q} … {last:q} (mæglere) med adgangskoden "
        "fra stdin.",
        "en": "Log in as {caseworker:q} (caseworker) or {first:q} … {last:q} (brokers) with the password from stdin.",
    },
    #
    # --- ui: texts of the app's screens (plurals, counts)
    Msg.UI_COMPANIES: {
        "da": "{n:int} {n:plural:virksomhed|virksomheder}",
        "en": "{n:int} {n:plural:company|companies}",
    },
    Msg.UI_COMPANIES_SHOWN: {
        "da": "{shown:int} af {n:int} {n:plural:virksomhed|virksomheder}",
        "en": "{shown:int} of {n:int} {n:plural:company|companies}",
    },
    Msg.UI_COMPANIES_EXPORTED: {
        "da": "{n:int} {n:plural:virksomhed|virksomheder} eksporteret til {path}",
        "en": "{n:int} {n:plural:company|companies} exported to {path}",
    },
    Msg.UI_COMPANIES_IMPORTED: {
        "da": "Importeret: {created:int} {created:plural:ny virksomhed|nye virksomheder}, "
        "{updated:int} opdateret.",
        "en": "Imported: {created:int} new {created:plural:company|companies}, {updated:int} updated.",
    },
    Msg.UI_IMPORT_ROWS_REMARKED: {
        "da": "{n:int} {n:plural:række|rækker} har en bemærkning (se listen).",
        "en": "{n:int} {n:plural:row has|rows have} a remark (see the list).",
    },
    Msg.UI_NETWORK_MEMBERS: {
        "da": "{name} · {n:int} {n:plural:virksomhed|virksomheder}",
        "en": "{name} · {n:int} {n:plural:company|companies}",
    },
    Msg.UI_COMPOSITION_OK: {
        "da": "✓ {independent:int} {independent:plural:uafhængig virksomhed|uafhængige virksomheder} og "
        "{knowledge:int} {knowledge:plural:videninstitution|videninstitutioner}: sammensætningen er i orden.",
        "en": "✓ {independent:int} independent {independent:plural:company|companies} and {knowledge:int} "
        "knowledge {knowledge:plural:institution|institutions}: the composition is in order.",
    },
    Msg.UI_INACTIVE_DAYS: {
        "da": "Ingen aktivitet i {n:int} {n:plural:dag|dage}",
        "en": "No activity for {n:int} {n:plural:day|days}",
    },
    Msg.UI_CHANGES_NOT_SENT: {
        "da": "{n:int} {n:plural:ændring|ændringer} ikke sendt",
        "en": "{n:int} {n:plural:change|changes} not sent",
    },
    Msg.UI_CHANGES_NEED_ACTION: {
        "da": "{n:int} kræver handling",
        "en": "{n:int} {n:plural:needs|need} action",
    },
    Msg.UI_CONFLICTS: {
        "da": "{n:int} {n:plural:konflikt|konflikter}",
        "en": "{n:int} {n:plural:conflict|conflicts}",
    },
    Msg.UI_REJECTED: {
        "da": "{n:int} {n:plural:afvist|afviste}",
        "en": "{n:int} rejected",
    },
    Msg.UI_SYNC_DONE: {
        "da": "Sendt {pushed:int} {pushed:plural:ændring|ændringer}, hentet {pulled:int} {pulled:plural:post|poster}.",
        "en": "Sent {pushed:int} {pushed:plural:change|changes}, fetched {pulled:int} {pulled:plural:record|records}.",
    },
    Msg.UI_SYNC_ATTENTION: {
        "da": "{n:int} {n:plural:ændring|ændringer} kræver din stillingtagen",
        "en": "{n:int} {n:plural:change needs|changes need} your decision",
    },
    Msg.UI_SYNC_PARKED: {
        "da": "{n:int} {n:plural:post|poster} fra serveren kunne ikke gemmes",
        "en": "{n:int} {n:plural:record|records} from the server could not be stored",
    },
    Msg.UI_SYNC_PENDING_LEFT: {
        "da": "{n:int} {n:plural:ændring|ændringer} venter stadig på at blive sendt",
        "en": "{n:int} {n:plural:change is|changes are} still waiting to be sent",
    },
    Msg.UI_SYNC_REPORT: {
        "da": "Sendt: {pushed:int} {pushed:plural:ændring|ændringer} ({applied:int} modtaget, {conflicts:int} "
        "{conflicts:plural:konflikt|konflikter}, {rejected:int} {rejected:plural:afvist|afviste}). "
        "Hentet: {pulled:int} {pulled:plural:post|poster}. Bilag: {uploaded:int} sendt, {downloaded:int} hentet.",
        "en": "Sent: {pushed:int} {pushed:plural:change|changes} ({applied:int} received, {conflicts:int} "
        "{conflicts:plural:conflict|conflicts}, {rejected:int} rejected). "
        "Fetched: {pulled:int} {pulled:plural:record|records}. Attachments: {uploaded:int} sent, "
        "{downloaded:int} fetched.",
    },
    Msg.UI_EXPENSES_OVER_FRAME: {
        "da": "{n:int} {n:plural:udgift|udgifter} over rammen",
        "en": "{n:int} {n:plural:expense|expenses} over the frame",
    },
    Msg.UI_EXPENSES_OVER_FRAME_SENT: {
        "da": "{n:int} {n:plural:udgift|udgifter} over rammen sendt til Væksthus",
        "en": "{n:int} {n:plural:expense|expenses} over the frame sent to Væksthus",
    },
    Msg.UI_PERSONS: {
        "da": "{n:int} {n:plural:person|personer}",
        "en": "{n:int} {n:plural:person|people}",
    },
    Msg.UI_APPROVED_APPLICATIONS: {
        "da": "{n:int} {n:plural:bevilget ansøgning|bevilgede ansøgninger}",
        "en": "{n:int} approved {n:plural:application|applications}",
    },
    Msg.UI_ELEMENTS_DONE: {
        "da": "{done:int} af {total:int} {total:plural:element|elementer} er på plads",
        "en": "{done:int} of {total:int} {total:plural:element|elements} in place",
    },
    Msg.UI_PERIOD_MONTHS: {
        "da": "ansøgt forløb: {n:int} {n:plural:måned|måneder}",
        "en": "period applied for: {n:int} {n:plural:month|months}",
    },
    Msg.UI_RECORDS_GENERATED: {
        "da": "{n:int} {n:plural:post|poster} lagt i {path}",
        "en": "{n:int} {n:plural:record|records} put in {path}",
    },
    Msg.UI_HOURS: {
        "da": "{n:int} {n:plural:time|timer}",
        "en": "{n:int} {n:plural:hour|hours}",
    },
    Msg.UI_MONTHS: {
        "da": "{n:int} {n:plural:måned|måneder}",
        "en": "{n:int} {n:plural:month|months}",
    },
    Msg.UI_PERIOD_SPAN: {
        "da": "Perioden fra start til slut er omkring {span:int} {span:plural:måned|måneder}; "
        "ansøgningen angav {months:int} {months:plural:måned|måneder}.",
        "en": "The period from start to end is about {span:int} {span:plural:month|months}; "
        "the application gave {months:int} {months:plural:month|months}.",
    },
    Msg.OS_PERMISSION_DENIED: {
        "da": "adgang nægtet; vælg en anden mappe, eller bed om adgang til denne",
        "en": "access denied; choose another folder, or ask for access to this one",
    },
    Msg.OS_NOT_FOUND: {
        "da": "den findes ikke, eller mappen den skulle ligge i findes ikke",
        "en": "it does not exist, or the folder it should be in does not",
    },
    Msg.OS_IS_A_DIRECTORY: {
        "da": "det er en mappe, ikke en fil",
        "en": "it is a folder, not a file",
    },
    Msg.OS_NO_SPACE: {
        "da": "der er ikke mere plads på disken",
        "en": "there is no space left on the disk",
    },
    Msg.OS_READ_ONLY: {
        "da": "disken kan kun læses, ikke skrives på",
        "en": "the disk can only be read, not written to",
    },
    Msg.OS_OTHER: {
        "da": "styresystemet afviste det (fejl {errno})",
        "en": "the operating system refused it (error {errno})",
    },
    Msg.UI_DESK_WAITING: {
        "da": "{n:int} {n:plural:indsendt ansøgning venter|indsendte ansøgninger venter} på afgørelse.",
        "en": "{n:int} submitted {n:plural:application awaits|applications await} a decision.",
    },
    Msg.UI_DESK_CONFIRM_APPROVE: {
        "da": "Bevilg ansøgningen fra {network:q} ({broker})? Netværket går til trin 2, og mægleren "
        "får sin bonus. Afgørelsen sendes til Væksthus' server nu og kan ikke fortrydes her.",
        "en": "Approve the application from {network:q} ({broker})? The network moves to stage 2 and "
        "the broker earns the bonus. The decision is sent to Væksthus' server now and cannot be undone here.",
    },
    Msg.UI_DESK_CONFIRM_REJECT: {
        "da": "Afslå ansøgningen fra {network:q} ({broker})? Netværket går tilbage til trin 1, og "
        "mægleren ser begrundelsen. Afgørelsen sendes til Væksthus' server nu.",
        "en": "Reject the application from {network:q} ({broker})? The network goes back to stage 1 and "
        "the broker sees the reason. The decision is sent to Væksthus' server now.",
    },
    Msg.UI_DESK_APPROVED: {
        "da": "Bevilget: {network:q} er på trin 2. {broker} ser afgørelsen og bonussen ved næste "
        "synkronisering.",
        "en": "Approved: {network:q} is at stage 2. {broker} sees the decision and the bonus at the next sync.",
    },
    Msg.UI_DESK_REJECTED: {
        "da": "Afslået: {network:q} er tilbage på trin 1. {broker} ser afgørelsen og begrundelsen ved "
        "næste synkronisering.",
        "en": "Rejected: {network:q} is back at stage 1. {broker} sees the decision and the reason at "
        "the next sync.",
    },
    Msg.UI_RECORD_COMPANY_IN_NETWORK: {"da": "{company} i {network}", "en": "{company} in {network}"},
    Msg.UI_RECORD_SCREENING: {"da": "Screening af {network}", "en": "Screening of {network}"},
    Msg.UI_RECORD_MEETING: {"da": "Møde {d:date} i {network}", "en": "Meeting {d:date} in {network}"},
    Msg.UI_RECORD_EXPENSE: {"da": "Udgift {d:date} i {network}", "en": "Expense {d:date} in {network}"},
    Msg.UI_RECORD_APPLICATION: {"da": "Ansøgning fra {network}", "en": "Application from {network}"},
    Msg.UI_RECORD_ACTION_PLAN: {"da": "Handlingsplan for {network}", "en": "Action plan for {network}"},
    Msg.UI_RECORD_EFFECT_MEASUREMENT: {
        "da": "Effektmåling {year} for {company}",
        "en": "Effect measurement {year} for {company}",
    },
    Msg.UI_RECORD_CONTACT: {"da": "{name}, {company}", "en": "{name}, {company}"},
    Msg.UI_BROKERS_COUNTED: {
        "da": "{n:int} {n:plural:mægler|mæglere} · talt {when}",
        "en": "{n:int} {n:plural:broker|brokers} · counted {when}",
    },
    Msg.UI_FORMS_NOT_USABLE: {
        "da": "{n:int} {n:plural:skema|skemaer} fra Væksthus kan ikke bruges (se nedenfor).",
        "en": "{n:int} {n:plural:form|forms} from Væksthus cannot be used (see below).",
    },
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
    },  # --- broker: what a broker expects and does not find (issue 20)
    Msg.UI_NEXT_MORE: {
        "da": "… og {n:int} mere",
        "en": "… and {n:int} more",
    },
    Msg.UI_NEXT_OVERDUE: {
        "da": "{n:int} overskredet",
        "en": "{n:int} overdue",
    },
    Msg.UI_NEXT_QUIET_TITLE: {
        "da": "Netværk uden aktivitet i {n:int} {n:plural:dag|dage}",
        "en": "Networks without activity for {n:int} {n:plural:day|days}",
    },
    Msg.UI_NEXT_MEETINGS_TITLE: {
        "da": "Planlagte møder de næste {n:int} {n:plural:dag|dage}",
        "en": "Planned meetings in the next {n:int} {n:plural:day|days}",
    },
    Msg.COMPANY_ARCHIVE_IN_ACTIVE_NETWORK: {
        "da": "{company:q} kan ikke arkiveres, fordi den er med i {n:plural:et aktivt netværk|aktive netværk}: "
        "{networks}. Fjern den fra netværket, eller afslut netværket først.",
        "en": "{company:q} cannot be archived because it is in {n:plural:an active network|active networks}: "
        "{networks}. Remove it from the network, or close the network first.",
    },
    Msg.COMPANY_DELETE_IN_ACTIVE_NETWORK: {
        "da": "{company:q} kan ikke slettes, fordi den er med i {n:plural:et aktivt netværk|aktive netværk}: "
        "{networks}. Fjern den fra netværket, eller afslut netværket først.",
        "en": "{company:q} cannot be deleted because it is in {n:plural:an active network|active networks}: "
        "{networks}. Remove it from the network, or close the network first.",
    },
    Msg.COMPANY_ARCHIVED: {
        "da": "{company:q} er arkiveret.",
        "en": "{company:q} is archived.",
    },
    Msg.COMPANY_RESTORED: {
        "da": "{company:q} er hentet tilbage fra arkivet.",
        "en": "{company:q} is restored from the archive.",
    },
    Msg.COMPANY_DELETED: {
        "da": "{company:q} er slettet.",
        "en": "{company:q} is deleted.",
    },
    Msg.UI_SHOW_ARCHIVED: {
        "da": "Vis arkiverede ({n:int})",
        "en": "Show archived ({n:int})",
    },
    Msg.CLI_SYNC_ASK_PASSWORD: {
        "da": "Intet gemt login for {username} på {server} på denne computer: skriv din adgangskode.",
        "en": "No login for {username} at {server} is kept on this computer: type your password.",
    },
    # --- survey: the satisfaction survey
    Msg.SURVEY_SCORE_OUT_OF_RANGE: {
        "da": "Tilfredsheden skal være et helt tal fra {low:int} til {high:int}; {score:q} kan ikke bruges.",
        "en": "The satisfaction score must be a whole number from {low:int} to {high:int}; {score:q} cannot be used.",
    },
    Msg.SURVEY_OCCASION_UNKNOWN: {
        "da": "Vælg anledningen til målingen (trin 2, trin 3 eller afslutning); {occasion:q} kendes ikke.",
        "en": "Choose the occasion of the survey (stage 2, stage 3 or closing); {occasion:q} is not known.",
    },
    Msg.SURVEY_DUPLICATE: {
        "da": "{company} har allerede svaret på tilfredshedsmålingen ved "
        "{occasion:label:survey_occasion:lower} i dette netværk; der er ét svar pr. virksomhed pr. anledning.",
        "en": "{company} has already answered the satisfaction survey at {occasion:label:survey_occasion:lower} "
        "in this network; there is one answer per company per occasion.",
    },
    Msg.SURVEY_COMPANY_NOT_MEMBER: {
        "da": "{company} er ikke medlem af netværket og kan ikke svare på dets tilfredshedsmåling.",
        "en": "{company} is not a member of the network and cannot answer its satisfaction survey.",
    },
    Msg.SURVEY_CONTACT_OTHER_COMPANY: {
        "da": "Den der svarede for {company}, skal være en kontaktperson i {company}.",
        "en": "The person who answered for {company} must be a contact of {company}.",
    },
    Msg.SURVEY_DATE_MISSING: {
        "da": "Skriv datoen for svaret.",
        "en": "Enter the date of the answer.",
    },
    Msg.SURVEY_DATE_IN_FUTURE: {
        "da": "Svaret kan ikke være givet i fremtiden ({day:date}).",
        "en": "The answer cannot be given in the future ({day:date}).",
    },
    Msg.SURVEY_ALREADY_SYNCED: {
        "da": "Svaret er sendt til Væksthus og kan ikke længere ændres.",
        "en": "The answer has been sent to Væksthus and can no longer be changed.",
    },
    Msg.SURVEY_ANSWER_NOT_FOUND: {
        "da": "Svaret findes ikke længere.",
        "en": "The answer no longer exists.",
    },
    Msg.SURVEY_SCORE_MISSING: {
        "da": "Vælg hvor tilfreds {company} er (1–5), eller fjern kommentaren og hvem der svarede.",
        "en": "Choose how satisfied {company} is (1–5), or remove the comment and who answered.",
    },
    Msg.SURVEY_MISSING: {
        "da": "Tilfredshedsmåling mangler for {n:int} {n:plural:virksomhed|virksomheder} "
        "({occasion:label:survey_occasion:lower}).",
        "en": "Satisfaction survey missing for {n:int} {n:plural:company|companies} "
        "({occasion:label:survey_occasion:lower}).",
    },
    Msg.SURVEY_SAVED: {
        "da": "{n:int} {n:plural:svar|svar} på tilfredshedsmålingen er gemt.",
        "en": "{n:int} satisfaction survey {n:plural:answer|answers} saved.",
    },
    Msg.SURVEY_REMOVED: {
        "da": "{n:int} {n:plural:svar|svar} på tilfredshedsmålingen er taget tilbage.",
        "en": "{n:int} satisfaction survey {n:plural:answer|answers} taken back.",
    },
    Msg.SURVEY_NOTHING_TO_SAVE: {
        "da": "Intet at gemme: vælg en score for mindst én virksomhed.",
        "en": "Nothing to save: choose a score for at least one company.",
    },
    # --- end survey
    # --- effects
    Msg.EFFECTS_TURNOVER: {"da": "Omsætning", "en": "Turnover"},
    Msg.EFFECTS_VALUE_ADDED: {"da": "Værditilvækst", "en": "Value added"},
    Msg.EFFECTS_EXPORT: {"da": "Eksport", "en": "Export"},
    Msg.EFFECTS_EMPLOYEES: {"da": "Ansatte", "en": "Employees"},
    Msg.EFFECTS_NO_BASELINE: {
        "da": "Intet basisår: virksomheden er ikke med i et netværk, der har nået trin 1, og har intet "
        "basisår angivet.",
        "en": "No baseline year: the company is not in a network that has reached stage 1, and no "
        "baseline year is set.",
    },
    Msg.EFFECTS_NO_FIGURES: {
        "da": "Uden tal: der mangler nøgletal for basisåret {year} eller for et senere år, så væksten "
        "kan ikke beregnes endnu.",
        "en": "Without figures: key figures for the baseline year {year} or a later year are missing, "
        "so growth cannot be computed yet.",
    },
    Msg.EFFECTS_TARGET_MET: {
        "da": "Målet er nået: mindst {target} % vækst om året siden basisåret {year}.",
        "en": "The target is met: at least {target} % growth a year since the baseline year {year}.",
    },
    Msg.EFFECTS_TARGET_NOT_MET: {
        "da": "Målet er ikke nået: under {target} % vækst om året siden basisåret {year}.",
        "en": "The target is not met: below {target} % growth a year since the baseline year {year}.",
    },
    Msg.EFFECTS_BASELINE_AUTO: {
        "da": "Basisår {year}, valgt automatisk (året før virksomheden kom med i sit første netværk).",
        "en": "Baseline year {year}, chosen automatically (the year before the company joined its first "
        "network).",
    },
    Msg.EFFECTS_BASELINE_STORED: {
        "da": "Basisår {year}, angivet.",
        "en": "Baseline year {year}, set by hand.",
    },
    Msg.EFFECTS_BASELINE_STORED_AUTO: {
        "da": "Basisår {year}, angivet (automatisk ville det være {auto}).",
        "en": "Baseline year {year}, set by hand (automatically it would be {auto}).",
    },
    Msg.EFFECTS_BASELINE_YEAR_INVALID: {
        "da": "Basisår: {text:q} er ikke et årstal mellem {first} og {last}. Lad feltet stå tomt for at "
        "vælge automatisk.",
        "en": "Baseline year: {text:q} is not a year between {first} and {last}. Leave the field empty to "
        "choose automatically.",
    },
    Msg.EFFECTS_WITHOUT_FIGURES: {
        "da": "{n:int} {n:plural:virksomhed|virksomheder} uden tal",
        "en": "{n:int} {n:plural:company|companies} without figures",
    },
    Msg.EFFECTS_SATISFIED_SHARE: {
        "da": "{bp:pct} tilfredse af {n:int} {n:plural:svar|svar} (mål: mindst {target} %)",
        "en": "{bp:pct} satisfied of {n:int} {n:plural:answer|answers} (target: at least {target} %)",
    },
    Msg.EFFECTS_NO_ANSWERS: {
        "da": "Ingen tilfredshedssvar endnu.",
        "en": "No satisfaction answers yet.",
    },
    Msg.EFFECTS_EXPORTED: {
        "da": "{n:int} {n:plural:virksomhed|virksomheder} skrevet til {path} og CVR-numrene til {cvr_path}.",
        "en": "{n:int} {n:plural:company|companies} written to {path} and the CVR numbers to {cvr_path}.",
    },
    Msg.EFFECTS_NOTHING_TO_EXPORT: {
        "da": "Ingen virksomheder at eksportere: ingen er med i et netværk, der har nået trin 1.",
        "en": "No companies to export: none is in a network that has reached stage 1.",
    },
    Msg.EFFECTS_CSV_HEADER_MISSING: {
        "da": "Overskriftslinjen (linje {line:int}) mangler {missing}. Den første linje skal være "
        "CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte.",
        "en": "The header line (line {line:int}) lacks {missing}. The first line must be "
        "CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte.",
    },
    Msg.EFFECTS_CSV_UNKNOWN_CVR: {
        "da": "Ingen virksomhed med CVR-nummer {cvr} er registreret; opret den først.",
        "en": "No company with CVR number {cvr} is registered; create it first.",
    },
    Msg.EFFECTS_CSV_YEAR_TWICE: {
        "da": "CVR-nummer {cvr} har også tal for {year} på linje {line:int}.",
        "en": "CVR number {cvr} also has figures for {year} on line {line:int}.",
    },
    Msg.EFFECTS_CSV_ROW_EMPTY: {
        "da": "Linjen har hverken omsætning, værditilvækst, eksport eller ansatte.",
        "en": "The line has neither turnover, value added, export nor employees.",
    },
    Msg.EFFECTS_CSV_NO_ROWS: {
        "da": "Filen indeholder ingen nøgletal.",
        "en": "The file holds no key figures.",
    },
    Msg.EFFECTS_CSV_READY: {
        "da": "{n:int} {n:plural:år|år} for {companies:int} {companies:plural:virksomhed|virksomheder} klar: "
        "{new:int} {new:plural:nyt|nye}, {updated:int} opdateres.",
        "en": "{n:int} {n:plural:year|years} for {companies:int} {companies:plural:company|companies} ready: "
        "{new:int} new, {updated:int} to be updated.",
    },
    Msg.EFFECTS_CSV_IMPORTED: {
        "da": "{n:int} {n:plural:år|år} nøgletal importeret for {companies:int} "
        "{companies:plural:virksomhed|virksomheder}.",
        "en": "{n:int} {n:plural:year|years} of key figures imported for {companies:int} "
        "{companies:plural:company|companies}.",
    },
    # --- followup
    Msg.FOLLOW_UP_CASEWORKERS_ONLY: {
        "da": "Opfølgninger registreres af Væksthus' sagsbehandlere; en mægler kan se dem, ikke ændre dem.",
        "en": "Follow-ups are recorded by Væksthus' caseworkers; a broker can see them, not change them.",
    },
    Msg.FOLLOW_UP_OTHER_CASEWORKER: {
        "da": "Opfølgningen er registreret af en anden sagsbehandler og kan kun ændres af vedkommende.",
        "en": "The follow-up was recorded by another caseworker and can only be changed by them.",
    },
    Msg.FOLLOW_UP_NETWORK_UNKNOWN: {
        "da": "Netværket findes ikke på serveren (eller er slettet); opfølgningen kan ikke gemmes der.",
        "en": "The network does not exist on the server (or is deleted); the follow-up cannot be stored there.",
    },
    Msg.FOLLOW_UP_OFFERED_MISSING: {
        "da": "Skriv, hvad Væksthus tilbød netværket (vejledning, sparring …).",
        "en": "Write what Væksthus offered the network (guidance, sparring …).",
    },
    Msg.FOLLOW_UP_KIND_UNKNOWN: {
        "da": "Opfølgningens type {kind:q} findes ikke.",
        "en": "The follow-up type {kind:q} does not exist.",
    },
    Msg.FOLLOW_UP_NEXT_NOT_AFTER: {
        "da": "Næste opfølgning ({next:date}) skal ligge efter opfølgningens dato ({held:date}).",
        "en": "The next follow-up ({next:date}) must come after the follow-up's date ({held:date}).",
    },
    Msg.FOLLOW_UP_SAVED: {
        "da": "Opfølgningen på {network:q} er gemt; mægleren ser den efter næste synkronisering.",
        "en": "The follow-up on {network:q} is saved; the broker sees it after the next synchronisation.",
    },
    Msg.UI_PDF_NO_VIEWER: {
        "da": "PDF'en er gemt i {path}, men der er ikke noget program til at vise PDF-filer på denne "
        "computer. Åbn filen selv, eller installér en PDF-læser.",
        "en": "The PDF is saved in {path}, but there is no program to show PDF files on this computer. "
        "Open the file yourself, or install a PDF reader.",
    },
    # --- erasure
    Msg.ERASURE_CONTACT_NOT_FOUND: {
        "da": "Der findes ingen kontaktperson med id »{id}«.",
        "en": "There is no contact person with id “{id}”.",
    },
    Msg.ERASURE_DONE: {
        "da": "Kontaktpersonen {id} er slettet overalt på serveren (posten og {answers:int} gemte "
        "{answers:plural:svar|svar}); de bærbare følger ved næste synkronisering.",
        "en": "The contact person {id} is erased everywhere on the server (the record and {answers:int} "
        "stored {answers:plural:answer|answers}); the laptops follow at their next sync.",
    },
    Msg.ERASURE_CASEWORKERS_ONLY: {
        "da": "Kun sagsbehandlere kan slette en kontaktperson på serveren.",
        "en": "Only caseworkers can erase a contact person on the server.",
    },
    # --- end erasure
    # --- audit
    Msg.AUDIT_FILE_WRITTEN: {
        "da": "Revisionsfilen for {network:q} er gemt: {path} ({n:int} {n:plural:fil|filer} med indeks).",
        "en": "The audit file for {network:q} is saved: {path} ({n:int} {n:plural:file|files} with the index).",
    },
    Msg.AUDIT_FILE_RECEIPTS_MISSING: {
        "da": "{n:int} {n:plural:kvittering|kvitteringer} er ikke hentet til denne computer endnu og står "
        "som manglende i indekset; synkronisér og lav revisionsfilen igen.",
        "en": "{n:int} {n:plural:receipt is|receipts are} not on this computer yet and {n:plural:is|are} "
        "listed as missing in the index; synchronise and make the audit file again.",
    },
    Msg.AUDIT_FILE_FAILED: {
        "da": "Revisionsfilen kunne ikke laves: {reason}",
        "en": "The audit file could not be made: {reason}",
    },
    # --- end audit
    # --- retention
    Msg.RETENTION_YEARS_RANGE: {
        "da": "{field}: {value} år er uden for det tilladte ({low}-{high} år).",
        "en": "{field}: {value} years is outside what is allowed ({low}-{high} years).",
    },
    Msg.RETENTION_MONTH_RANGE: {
        "da": "Regnskabsårets første måned skal være 1-12, ikke {value}.",
        "en": "The financial year's first month must be 1-12, not {value}.",
    },
    Msg.RETENTION_KEEP_UNTIL: {
        "da": "Opbevares til {d:date}",
        "en": "Kept until {d:date}",
    },
    Msg.RETENTION_KEEP_UNTIL_NONE: {
        "da": "Opbevaringsdato: fastsættes, når dokumentet afsluttes eller indsendes",
        "en": "Keep-until date: set when the document is finalised or submitted",
    },
    Msg.RETENTION_SETTINGS_SHOWN: {
        "da": "Regnskabsmateriale: {bookkeeping} år efter regnskabsårets udløb (regnskabsåret begynder i "
        "måned {month}). Programmets dokumentation: {documentation} år efter programperiodens slut "
        "{end:date}.",
        "en": "Bookkeeping material: {bookkeeping} years after the end of the financial year (the financial "
        "year begins in month {month}). The programme's documentation: {documentation} years after the "
        "programme period's end {end:date}.",
    },
    Msg.RETENTION_SETTINGS_SAVED: {
        "da": "Indstillingerne er gemt; {n:int} {n:plural:dokument|dokumenter} fik ny opbevaringsdato.",
        "en": "The settings are saved; {n:int} {n:plural:document|documents} got a new keep-until date.",
    },
    Msg.RETENTION_DATE_BAD: {
        "da": "{text:q} er ikke en dato (skriv fx 2011-12-31).",
        "en": "{text:q} is not a date (write e.g. 2011-12-31).",
    },
    Msg.PURGE_ITEM: {
        "da": "{entity} {id}: opbevares til {d:date}",
        "en": "{entity} {id}: kept until {d:date}",
    },
    Msg.PURGE_DRY_RUN: {
        "da": "Prøvekørsel: {n:int} {n:plural:dokument|dokumenter} og {blobs:int} "
        "{blobs:plural:bilagsfil|bilagsfiler} har passeret deres dato; intet er slettet.",
        "en": "Dry run: {n:int} {n:plural:document|documents} and {blobs:int} receipt "
        "{blobs:plural:file|files} have passed their date; nothing is deleted.",
    },
    Msg.PURGE_DONE: {
        "da": "{n:int} {n:plural:dokument|dokumenter} og {blobs:int} {blobs:plural:bilagsfil|bilagsfiler} "
        "slettet; computerne følger efter ved næste synkronisering.",
        "en": "{n:int} {n:plural:document|documents} and {blobs:int} receipt {blobs:plural:file|files} "
        "deleted; the computers follow at their next sync.",
    },
    Msg.PURGE_RECORD_PURGED: {
        "da": "Dokumentet er slettet, fordi dets opbevaringstid er udløbet; ændringen kan ikke gemmes.",
        "en": "The document is deleted because its retention period has passed; the change cannot be saved.",
    },
    Msg.RETENTION_DOC_MEETING: {"da": "Mødereferat", "en": "Meeting minutes"},
    Msg.RETENTION_DOC_EXPENSE: {"da": "Udgift", "en": "Expense"},
    Msg.RETENTION_DOC_APPLICATION: {"da": "Ansøgning", "en": "Application"},
    Msg.RETENTION_DOC_SCREENING: {"da": "Screening", "en": "Screening"},
    Msg.PURGE_NOTHING: {
        "da": "Intet har passeret sin opbevaringsdato.",
        "en": "Nothing has passed its keep-until date.",
    },
    # --- end retention
    # --- ship: packaging (issue 23)
    Msg.SERVER_EXTRA_MISSING: {
        "da": "Serveren kræver pakken {module:q}, som ikke er installeret. Installér serveren med "
        "pip install 'maegler-app[server]'.",
        "en": "The server needs the package {module:q}, which is not installed. Install the server with "
        "pip install 'maegler-app[server]'.",
    },
    # --- english
    Msg.HISTORY_UNKNOWN_USER: {"da": "ukendt bruger", "en": "unknown user"},
    Msg.TIMELINE_MOVED: {"da": "Flyttet til »{stage:stage}«", "en": "Moved to “{stage:stage}”"},
    Msg.TIMELINE_CREATED_AS_CANDIDATE: {"da": "Oprettet som kandidat", "en": "Created as a candidate"},
    Msg.TIMELINE_FRAME_OPENED: {"da": "Faciliteringsrammen åbnet", "en": "Facilitation frame opened"},
    Msg.TIMELINE_SCREENING_DONE: {
        "da": "Screening afsluttet: {verdict:label:verdict:lower}",
        "en": "Screening finished: {verdict:label:verdict:lower}",
    },
    Msg.TIMELINE_SCREENING_DRAFT: {"da": "Screening påbegyndt (kladde)", "en": "Screening started (draft)"},
    Msg.TIMELINE_APPLICATION_SUBMITTED: {
        "da": "Ansøgning (version {revision}) indsendt",
        "en": "Application (version {revision}) submitted",
    },
    Msg.TIMELINE_APPLICATION_DECIDED: {
        "da": "Ansøgning (version {revision}) {status:label:decision:lower}",
        "en": "Application (version {revision}) {status:label:decision:lower}",
    },
    Msg.TIMELINE_APPLICATION_DRAFT: {
        "da": "Ansøgning (version {revision}) under udarbejdelse",
        "en": "Application (version {revision}) in preparation",
    },
    Msg.TIMELINE_FOLLOW_UP: {"da": "{kind} ved {who}: {offered}", "en": "{kind} by {who}: {offered}"},
    Msg.TIMELINE_FOLLOW_UP_NEXT: {"da": " – næste opfølgning {d:date}", "en": " – next follow-up {d:date}"},
    Msg.SYNC_PENDING_NEW: {"da": "Ny post", "en": "New record"},
    Msg.SYNC_PENDING_DELETE: {"da": "Slettes", "en": "To be deleted"},
    Msg.SYNC_PENDING_CHANGED: {"da": "Ændret", "en": "Changed"},
    Msg.APPLICATION_STATUS_PENDING: {
        "da": "Indsendt – afventer afsendelse",
        "en": "Submitted – waiting to be sent",
    },
    # --- end english
    Msg.SERVER_BACKUP_DONE: {
        "da": "Sikkerhedskopien er gemt i {path} ({size:bytes}).",
        "en": "The backup is saved in {path} ({size:bytes}).",
    },
    Msg.SERVER_RESTORE_DONE: {
        "da": "Databasen er gendannet fra {path}.",
        "en": "The database is restored from {path}.",
    },
    Msg.SERVER_RESTORE_NOT_EMPTY: {
        "da": "Databasen er ikke tom (den har {n:int} {n:plural:tabel|tabeller}), så intet er gendannet. "
        "Gendan i en ny, tom database, eller brug --force for at erstatte hele dens indhold med "
        "sikkerhedskopien.",
        "en": "The database is not empty (it has {n:int} {n:plural:table|tables}), so nothing is restored. "
        "Restore into a new, empty database, or use --force to replace all its content with the backup.",
    },
    Msg.SERVER_BACKUP_TOOL_MISSING: {
        "da": "Programmet {tool} findes ikke på denne maskine. Installér PostgreSQL's klientprogrammer "
        "(fx pakken postgresql-client) i samme eller en nyere version end databaseserverens, så "
        "{tool} ligger i PATH.",
        "en": "The program {tool} is not on this machine. Install PostgreSQL's client programs (e.g. the "
        "package postgresql-client) in the database server's version or a newer one, so that {tool} "
        "is on PATH.",
    },
    Msg.SERVER_BACKUP_TOOL_FAILED: {
        "da": "{tool} fejlede: {detail}",
        "en": "{tool} failed: {detail}",
    },
    Msg.SERVER_BACKUP_FILE_MISSING: {
        "da": "Filen {path} findes ikke.",
        "en": "The file {path} does not exist.",
    },
    Msg.SERVER_BACKUP_WRONG_FILE_SQLITE: {
        "da": "{path} er ikke en sikkerhedskopi af en SQLite-database (fra »maegler-server backup« med en "
        "sqlite:///-adresse); intet er gendannet.",
        "en": "{path} is not a backup of a SQLite database (from “maegler-server backup” with a sqlite:/// "
        "address); nothing is restored.",
    },
    Msg.SERVER_BACKUP_WRONG_FILE_PG: {
        "da": "{path} er ikke en sikkerhedskopi af en PostgreSQL-database (fra »maegler-server backup« "
        "eller pg_dump -Fc); intet er gendannet.",
        "en": "{path} is not a backup of a PostgreSQL database (from “maegler-server backup” or "
        "pg_dump -Fc); nothing is restored.",
    },
    Msg.SERVER_BACKUP_TARGET_IS_FOLDER: {
        "da": "{path} er en mappe; skriv sikkerhedskopiens filnavn.",
        "en": "{path} is a folder; give the backup's file name.",
    },
    Msg.SERVER_BACKUP_SQLITE_MEMORY: {
        "da": "En database i hukommelsen kan ikke sikkerhedskopieres eller gendannes; giv en SQLite-fil.",
        "en": "A database in memory cannot be backed up or restored; give a SQLite file.",
    },
    Msg.SYNC_LOGIN_NO_ANSWER: {
        "da": "Kunne ikke logge ind: serveren {server} svarer ikke ({cause}). Tjek adressen og "
        "forbindelsen, og prøv igen.",
        "en": "Could not log in: the server {server} does not answer ({cause}). Check the address and the "
        "connection, and try again.",
    },
    Msg.SYNC_SERVER_SPEAKS_HTTP: {
        "da": "Serveren svarer med http, ikke https, så du er ikke logget ind. Er det en testserver på dit "
        "eget net, så skriv adressen som {url}; Væksthus' rigtige server bruger altid https.",
        "en": "The server answers with http, not https, so you are not logged in. If it is a test server "
        "on your own network, write the address as {url}; Væksthus' real server always uses https.",
    },
    # --- receipts
    Msg.SERVER_UPLOAD_NOT_FOUND: {
        "da": "Overførslen findes ikke (den er udløbet eller afsluttet); begynd en ny.",
        "en": "The upload does not exist (it has expired or finished); start a new one.",
    },
    Msg.SERVER_UPLOAD_OFFSET_MISSING: {
        "da": "Angiv stykkets plads i filen i headeren Upload-Offset (et helt tal).",
        "en": "Give the chunk's place in the file in the header Upload-Offset (a whole number).",
    },
    Msg.SERVER_UPLOAD_OFFSET_MISMATCH: {
        "da": "Serveren har modtaget {offset:int} byte af filen; send fra dér.",
        "en": "The server has received {offset:int} bytes of the file; send from there.",
    },
    Msg.SERVER_UPLOAD_PAST_END: {
        "da": "Stykket går ud over filens størrelse; der mangler kun {left:int} byte.",
        "en": "The chunk runs past the file's size; only {left:int} bytes are missing.",
    },
    Msg.SYNC_RECEIPT_NOT_ON_SERVER: {
        "da": "Kvitteringen er ikke på serveren endnu: den computer, den blev vedhæftet på, har ikke "
        "synkroniseret den. Prøv igen senere.",
        "en": "The receipt is not on the server yet: the computer it was attached on has not synced "
        "it. Try again later.",
    },
    Msg.SYNC_UPLOAD_NOT_TAKEN: {
        "da": "Serveren tog ikke imod bilaget {sha}…, fordi det ikke kom helt frem; det sendes igen ved "
        "næste synkronisering.",
        "en": "The server did not take the attachment {sha}… because it did not arrive whole; it is sent "
        "again at the next synchronisation.",
    },
    # --- end receipts
    # --- field: compressed bodies (issue 25)
    Msg.HTTP_INFLATED_TOO_LARGE: {
        "da": "Forespørgslen fylder mere end grænsen på {megabytes:int} MB, når den pakkes ud.",
        "en": "The request is larger than the limit of {megabytes:int} MB once unpacked.",
    },
    Msg.HTTP_BODY_ENCODING_BROKEN: {
        "da": "Forespørgslen kunne ikke pakkes ud ({encoding}); send den igen.",
        "en": "The request could not be unpacked ({encoding}); send it again.",
    },
    Msg.HTTP_BODY_ENCODING_UNKNOWN: {
        "da": "Serveren kan ikke pakke forespørgsler ud med {encoding:q}; den kan: {accepted}.",
        "en": "The server cannot unpack requests encoded with {encoding:q}; it can: {accepted}.",
    },
    # --- end field
    # --- english2
    Msg.FORM_ANSWER_REQUIRED: {"da": "{question} skal besvares.", "en": "{question} must be answered."},
    Msg.FORM_ANSWER_YES_PARTLY_NO: {
        "da": "svaret skal være ja, delvist eller nej.",
        "en": "the answer must be yes, partly or no.",
    },
    Msg.FORM_COMMENT_NOT_TEXT: {"da": "kommentaren skal være tekst.", "en": "the comment must be text."},
    Msg.FORM_ANSWER_NOT_TEXT: {"da": "svaret skal være tekst.", "en": "the answer must be text."},
    Msg.FORM_ANSWER_NOT_WHOLE_NUMBER: {
        "da": "svaret skal være et helt tal.",
        "en": "the answer must be a whole number.",
    },
    Msg.FORM_ANSWER_NOT_AMOUNT: {
        "da": "svaret skal være et beløb i kroner.",
        "en": "the answer must be an amount in kroner.",
    },
    Msg.FORM_ANSWER_NOT_DATE: {"da": "svaret skal være en dato.", "en": "the answer must be a date."},
    Msg.FORM_ANSWER_NOT_AN_OPTION: {
        "da": "{value:q} er ikke en af valgmulighederne.",
        "en": "{value:q} is not one of the options.",
    },
    Msg.FORM_ANSWER_NOT_OPTION_LIST: {
        "da": "svaret skal være en liste af valgmuligheder.",
        "en": "the answer must be a list of options.",
    },
    Msg.FORM_QUESTION_KIND_UNKNOWN: {
        "da": "ukendt spørgsmålstype {kind:q}.",
        "en": "unknown kind of question {kind:q}.",
    },
    Msg.FORM_ANSWER_BELOW_MIN: {
        "da": "må ikke være mindre end {minimum}.",
        "en": "must not be less than {minimum}.",
    },
    Msg.FORM_ANSWER_ABOVE_MAX: {
        "da": "må ikke være større end {maximum}.",
        "en": "must not be more than {maximum}.",
    },
    Msg.FORM_ANSWER_WRONG_SHAPE: {
        "da": "svaret har ikke den rigtige form.",
        "en": "the answer does not have the right form.",
    },
    Msg.FORM_MIN_YES: {
        "da": "Mindst {count:int} af {questions} skal besvares med ja.",
        "en": "At least {count:int} of {questions} must be answered yes.",
    },
    Msg.FORM_PROGRESS: {
        "da": "{answered:int} af {total:int} besvaret",
        "en": "{answered:int} of {total:int} answered",
    },
    Msg.CLI_PASSWORD_PROMPT: {"da": "Adgangskode for {username}: ", "en": "Password for {username}: "},
    Msg.CLI_SYNC_PROGRESS: {"da": "Synkroniserer… {done}/{total}", "en": "Syncing… {done}/{total}"},
    Msg.CLI_RECEIPTS_PROGRESS: {
        "da": "Henter kvitteringer… {done}/{total}",
        "en": "Fetching receipts… {done}/{total}",
    },
    Msg.CLI_IMPORT_WARNING: {"da": "{file}: Linje {line}: {warning}", "en": "{file}: Line {line}: {warning}"},
    Msg.CLI_STATUS_PROFILE: {"da": "Profil: {path}", "en": "Profile: {path}"},
    Msg.CLI_STATUS_PENDING: {
        "da": "Ændringer der venter: {pending:int}; konflikter: {conflicts:int}; afviste: {rejected:int}",
        "en": "Changes waiting: {pending:int}; conflicts: {conflicts:int}; refused: {rejected:int}",
    },
    Msg.CLI_STATUS_LAST_SYNC: {"da": "Sidst synkroniseret: {when}", "en": "Last synced: {when}"},
    Msg.CLI_STATUS_NEVER_SYNCED: {"da": "aldrig", "en": "never"},
    Msg.SERVER_CLI_DB_READY: {"da": "Databasen er klar.", "en": "The database is ready."},
    Msg.SERVER_CLI_BUNDLED_FORM_PUBLISHED: {"da": "Formular udgivet: {name}", "en": "Form published: {name}"},
    Msg.SERVER_CLI_USER_CREATED: {
        "da": "Brugeren {username:q} ({who}) er oprettet.",
        "en": "The user {username:q} ({who}) has been created.",
    },
    Msg.SERVER_CLI_FORM_PUBLISHED: {
        "da": "Formularen {form:q} version {version} er udgivet.",
        "en": "The form {form:q} version {version} has been published.",
    },
    Msg.SERVER_CLI_ERROR: {"da": "Fejl: {text}", "en": "Error: {text}"},
    # --- end english2
}
