"""The product catalogue, with stock levels pushed by the customer's ERP."""
