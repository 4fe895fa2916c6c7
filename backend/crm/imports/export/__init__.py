"""Exports of every list: CSV and XLSX, inline or built by a job."""
