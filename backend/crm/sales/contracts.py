"""What the sales domain publishes for other domains' HTTP layers and imports: the schema of a
lead as the API shows and reads it (a merge of duplicate leads reads its chosen values with
it)."""

from __future__ import annotations

from crm.sales.schemas import LeadSchema

__all__ = ["LeadSchema"]
