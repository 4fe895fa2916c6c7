"""Cross-cutting pieces every domain uses: errors, types, pagination, ETags, permissions, audit."""
