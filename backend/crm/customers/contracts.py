"""What the customers domain publishes for other domains' HTTP layers to embed: the schemas of
its records as the API shows them. Other domains import these from here, never from `schemas`."""

from __future__ import annotations

from crm.customers.schemas import (
    CompanyListArgsSchema,
    CompanySchema,
    ContactListArgsSchema,
    ContactSchema,
)

__all__ = ["CompanyListArgsSchema", "CompanySchema", "ContactListArgsSchema", "ContactSchema"]
