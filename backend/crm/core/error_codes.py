"""The stable, machine-readable codes of problem+json answers (`code`) and of field messages
(`error_codes`). Clients branch on these, never on the English text, which may be reworded.

Adding a code: add it here (the OpenAPI document lists these as enums, and the README's API
section documents them); `tests/test_error_codes.py` fails on an answer whose code is unknown.
"""

from __future__ import annotations

import re

from crm.core.i18n import N_

PROBLEM_TYPE_BASE = "urn:crm:problem:"

# code -> when it is answered (README and OpenAPI list them).
ERROR_CODES: dict[str, str] = {
    # Generic codes, one per status, used when nothing more precise applies.
    "bad_request": "400: the request cannot be read (malformed body, bad header)",
    "unauthorized": "401: log in (no or unusable access token)",
    "forbidden": "403: your role does not allow this",
    "not_found": "404: no such resource or route",
    "method_not_allowed": "405: the resource does not take this method (see Allow)",
    "not_acceptable": "406: no representation in the accepted media types",
    "conflict": "409: the change conflicts with the current state",
    "gone": "410: the resource existed but is gone",
    "payload_too_large": "413: the body is larger than allowed",
    "unsupported_media_type": "415: send the body in the media type the operation takes",
    "range_not_satisfiable": "416: the requested byte range is outside the file",
    "validation_failed": "422: some fields are invalid; see errors and error_codes",
    "rate_limited": "429: too many requests; wait (see Retry-After) and try again",
    "internal_error": "500: an unexpected error, logged on the server",
    "service_unavailable": "503: the service cannot answer right now",
    # Authentication.
    "login_failed": "401: email or password is incorrect, or the account is disabled",
    "token_missing": "401: no access token was sent",
    "token_invalid": "401: the token is not valid",
    "token_expired": "401: the access token has expired; refresh it",
    "token_revoked": "401: the login has ended (logout, rotation or reuse)",
    "refresh_token_reused": "401: a refresh token was used twice; the login was ended",
    "account_inactive": "401: the account was disabled",
    "fresh_login_required": "401: log in again to continue",
    "link_expired": "401: a signed content link has expired; reload the page",
    "link_invalid": "401: a signed content link is not valid",
    # Permissions.
    "role_forbidden": "403: your role does not allow this operation",
    "read_only_role": "403: your role can read these records but not change them",
    # Records that do not exist or are outside your scope.
    "lead_not_found": "404: no such lead (or not visible to you)",
    "follow_up_not_found": "404: no such follow-up",
    "company_not_found": "404: no such company",
    "contact_not_found": "404: no such contact",
    "opportunity_not_found": "404: no such opportunity",
    "pipeline_not_found": "404: no such pipeline",
    "stage_not_found": "404: no such stage in this pipeline",
    "product_not_found": "404: no such product",
    "order_not_found": "404: no such order",
    "ticket_not_found": "404: no such ticket",
    "user_not_found": "404: no such user",
    "attachment_not_found": "404: no such attachment",
    "merge_not_found": "404: no such merge (or its primary record is not visible to you)",
    "merge_not_owner": "403: sales reps merge only records they own",
    "merge_already_undone": "409: the merge was already undone",
    "merge_undo_expired": "409: the merge is older than MERGE_UNDO_DAYS and cannot be undone",
    "attachment_content_missing": "404: the attachment's bytes are missing from the store",
    "upload_link_not_found": "404: no such upload link (or it expired or was revoked)",
    "job_not_found": "404: no such background job (or not yours)",
    "export_not_found": "404: no such export (or it is another user's)",
    # Concurrency and idempotency.
    "if_match_required": "428: send the record's ETag in If-Match",
    "etag_mismatch": "412: the record changed since you read it; reload and retry",
    "idempotency_key_in_use": "409: a request with this Idempotency-Key is still running",
    "idempotency_key_reused": "422: the Idempotency-Key was used for another request",
    # Domain rules.
    "duplicate": "409: a record with this value exists already",
    "invalid_transition": "409: the status or stage cannot move this way",
    "already_converted": "409: the lead is converted already",
    "self_change_forbidden": "409: you cannot deactivate or demote yourself",
    "job_finished": "409: the background job has ended already; it cannot be cancelled",
    "job_not_retryable": "409: only a failed or cancelled background job can be retried",
    "store_unavailable": "503: the attachment store cannot be reached; retry later",
    "export_not_ready": "409: the export's job has not finished building the file",
    # Imports.
    "import_not_found": "404: no such import (or not yours)",
    "file_empty": "400: the uploaded file is empty",
    "file_unreadable": "400: the file is neither CSV nor XLSX we can read",
    "file_encoding_unknown": "400: the file is text in no encoding we recognise",
    "sheet_not_found": "422: the workbook has no such sheet (or the file is no workbook)",
    "too_many_rows": "422: a file over IMPORT_MAX_ROWS, or a bulk action over BULK_MAX_ROWS",
    "external_id_unsupported": "422: match_on=external_id on an entity without external ids",
    "mapping_incomplete": "422: a required field has no column mapped to it",
    "import_busy": "409: the import is running another job",
    "import_committed": "409: the import is committed already",
    "import_not_committed": "409: only a committed import can be reverted",
}

# code -> message pattern(s) (with {placeholders}) of every field message the API sends; the
# patterns that are messages themselves are marked for translation (N_).
# Generic codes come last, so a precise pattern wins.
_FIELD_PATTERNS: list[tuple[str, str]] = [
    ("required", N_("Missing data for required field.")),
    ("required", N_("Required to create a product.")),
    ("required", N_("Enter a name.")),
    ("required", N_("Required for this action.")),
    ("null", N_("Field may not be null.")),
    ("blank", N_("Field may not be blank.")),
    ("blank", N_("Enter some text, not only spaces.")),
    ("unknown_field", N_("Unknown field.")),
    ("unknown_field", N_("Unknown field. Did you mean {name}?")),
    ("unknown_field", "Unknown file part {name}"),
    ("at_least_one_open_stage", N_("At least one stage must be open.")),
    ("invalid_combination", N_("Send a template or stages, not both.")),
    ("invalid_combination", N_("Send either ids or filters.")),
    ("invalid_combination", N_("Send a template, or a name and stages.")),
    ("invalid_combination", N_("List every stage of the pipeline that is not archived, once.")),
    ("invalid_combination", N_("The lead has no company name: choose a company.")),
    ("invalid_combination", N_("A company cannot be its own parent or ancestor.")),
    ("invalid_combination", N_("The pipeline is archived.")),
    ("invalid_combination", N_("There is always a default pipeline.")),
    ("invalid_combination", N_("The stage holds opportunities.")),
    ("invalid_type", N_("Invalid input type.")),
    ("invalid_type", N_("Invalid value.")),
    ("invalid_json", N_("Invalid JSON body.")),
    ("invalid_format", N_("String does not match expected pattern.")),
    ("invalid_decimal", N_('Send a decimal string, e.g. "1234.50".')),
    ("file_empty", N_("{filename}: the file is empty.")),
    ("file_type_mismatch", N_("{filename}: the extension does not match the content.")),
    ("too_large", N_("The line's total is too large.")),
    ("too_large", N_("The lines add up to more than an amount can hold.")),
    ("required", N_("An order needs at least one line.")),
    ("required", N_("Name the product or describe the line.")),
    ("required", N_("Required: the product is priced in {currency}.")),
    ("not_allowed", N_("Not an active admin, manager or service user.")),
    ("not_allowed", N_("This product is no longer sold.")),
    ("not_allowed", N_("The stage is archived.")),
    ("not_allowed", N_("Only a lost opportunity has a lost reason.")),
    ("not_found", N_("Not a stage of this pipeline.")),
    ("not_found", N_("There is no pipeline yet; an admin creates one.")),
    ("invalid_combination", N_("The contact does not work for this company.")),
    ("invalid_email", N_("Not a valid email address.")),
    ("invalid_phone", N_("Not a valid phone number.")),
    ("invalid_url", N_("Not a valid URL.")),
    ("invalid_url", N_("Not a valid web address.")),
    ("invalid_currency", N_("An ISO 4217 code, e.g. CNY.")),
    ("invalid_cursor", N_("Invalid cursor.")),
    ("invalid_characters", N_("Use letters, digits and punctuation (ASCII), no tabs.")),
    ("invalid_choice", N_("Must be one of: {choices}.")),
    ("invalid_choice", N_("Must be equal to {other}.")),
    ("too_long", N_("Longer than maximum length {max}.")),
    ("too_long", N_("Length must be between {min} and {max}.")),
    ("too_long", N_("Shorter than minimum length {min}.")),
    ("too_long", N_("Length must be {equal}.")),
    ("too_long", N_("At most {max}.")),
    ("too_long", N_("At most {max} characters.")),
    ("too_many", N_("Send between {min} and {max} items per request.")),
    ("too_many", N_("Too many files.")),
    ("too_many", N_("More than {max} rows match; narrow the filters.")),
    ("out_of_range", N_("Must be greater than or equal to {min} and less than or equal to {max}.")),
    ("out_of_range", N_("Must be greater than or equal to {min}.")),
    ("out_of_range", N_("Must be less than or equal to {max}.")),
    ("out_of_range", N_("Must be greater than {min}.")),
    ("out_of_range", N_("Must be less than {max}.")),
    ("out_of_range", N_("Must be at least {min}.")),
    ("out_of_range", N_("Must be at most {max}.")),
    ("out_of_range", N_("Must be at least the first response hours.")),
    ("too_precise", N_("Use at most two decimals.")),
    ("too_precise", N_("At most {n} decimal places.")),
    ("too_precise", N_("At most {n} digits before the decimal point.")),
    ("in_use", N_("Already in use.")),
    ("in_use", N_("Another product has this SKU.")),
    ("in_use", N_("Two stages are named {name}.")),
    ("file_type_not_accepted", N_("{filename}: type not accepted.")),
    ("in_use", "Already ordered: {order}"),
    ("in_use", N_("Already used for another request.")),
    ("not_found", N_("No such {thing}.")),
    ("not_found", N_("No such record: {id}.")),
    ("invalid_combination", N_("The primary record cannot be one of the duplicates.")),
    ("invalid_combination", N_("Each record once.")),
    ("required", N_("Name at least two records.")),
    ("not_found", N_("Unknown team.")),
    ("not_allowed", N_("You cannot change the owner.")),
    ("not_allowed", N_("Not a user you can assign this record to.")),
    ("not_allowed", N_("You can only assign the ticket to yourself.")),
    ("not_allowed", N_("Comes from the opportunity.")),
    ("not_allowed", N_("Only while the order is a draft.")),
    ("not_allowed", N_("Not available for this entity.")),
    ("required", N_("No column for {fields}.")),
    ("not_found", N_("The file has no such column.")),
    ("in_use", N_("Another column is mapped to {field}.")),
    ("invalid_transition", "Not allowed from {status}{rest}"),
    ("invalid_transition", "From {status}{rest}"),
    ("invalid_transition", N_("Use the convert action.")),
    ("invalid_transition", N_("Cannot create a converted lead.")),
    ("invalid_transition", N_("The lead is converted.")),
    ("invalid_transition", "The opportunity is {status}{rest}"),
    ("file_required", N_("Choose at least one file.")),
    ("file_required", N_("Choose at least one file or write a message.")),
    ("file_required", N_("Not a file.")),
    ("file_required", N_("The file has no name.")),
    # Last: marshmallow's type errors ("Not a valid integer.") after the precise "Not a valid ...".
    ("invalid_type", "Not a valid {type}."),
]
GENERIC_FIELD_CODE = "invalid"
FIELD_ERROR_CODES: tuple[str, ...] = (
    *dict.fromkeys(code for code, _ in _FIELD_PATTERNS),
    GENERIC_FIELD_CODE,
)

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    410: "gone",
    412: "etag_mismatch",
    413: "payload_too_large",
    415: "unsupported_media_type",
    416: "range_not_satisfiable",
    422: "validation_failed",
    428: "if_match_required",
    429: "rate_limited",
    500: "internal_error",
    503: "service_unavailable",
}


def status_code_name(status: int) -> str:
    """The generic code of a status without a more precise one."""
    return _STATUS_CODES.get(status, "internal_error" if status >= 500 else "bad_request")


def _compile(template: str) -> re.Pattern:
    parts = re.split(r"\{\w+\}", template)
    return re.compile("^" + "(.+?)".join(re.escape(part) for part in parts) + "$", re.DOTALL)


_COMPILED = [(code, _compile(template)) for code, template in _FIELD_PATTERNS]


def field_error_code(message: str) -> str:
    """The stable code of one field message; `invalid` for a message without its own code."""
    text = str(message)
    for code, pattern in _COMPILED:
        if pattern.match(text):
            return code
    return GENERIC_FIELD_CODE
