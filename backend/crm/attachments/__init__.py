"""Attachment bytes: a small store interface with a GridFS and a local-directory implementation."""
