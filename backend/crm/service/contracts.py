"""What the service domain publishes for other domains' HTTP layers: the query parameters of the
ticket list (exports and bulk actions take the list's own filters) and the ticket statuses."""

from __future__ import annotations

from crm.service.models import TICKET_STATUSES
from crm.service.schemas import TicketListArgsSchema

__all__ = ["TICKET_STATUSES", "TicketListArgsSchema"]
