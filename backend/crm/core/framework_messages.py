"""Messages the API answers that come from its libraries (marshmallow, webargs, werkzeug,
flask-smorest) rather than from our code: listed so `pybabel extract` puts them in the
catalogue and the answer is translated like our own messages."""

from __future__ import annotations

from crm.core.i18n import N_

FRAMEWORK_MESSAGES = (
    # marshmallow fields
    N_("Not a valid string."),
    N_("Not a valid utf-8 string."),
    N_("Not a valid integer."),
    N_("Not a valid number."),
    N_("Number too large."),
    N_("Special numeric values (nan or infinity) are not permitted."),
    N_("Not a valid boolean."),
    N_("Not a valid datetime."),
    N_("Not a valid date."),
    N_("Not a valid time."),
    N_("Not a valid period of time."),
    N_("Not a valid UUID."),
    N_("Not a valid list."),
    N_("Not a valid mapping type."),
    N_("Not a valid tuple."),
    N_("Not a valid decimal."),
    # webargs fields (a list's filters sent in a JSON body, e.g. a bulk action's)
    N_("Not a valid delimited list."),
    # marshmallow validators
    N_("Must be equal to {other}."),
    N_("Length must be {equal}."),
    # HTTP statuses answered without a more precise detail
    N_("Bad Request"),
    N_("Unauthorized"),
    N_("Forbidden"),
    N_("Not Found"),
    N_("Method Not Allowed"),
    N_("Not Acceptable"),
    N_("Conflict"),
    N_("Gone"),
    N_("Request Entity Too Large"),
    N_("Content Too Large"),
    N_("Unsupported Media Type"),
    N_("Unprocessable Content"),
    N_("Too Many Requests"),
    N_("Service Unavailable"),
)
