"""Loans in the window: the repayment calculator (usable without a client) and its documents.

Open it with :func:`crm.ui.loans.calculator.open_calculator`.
"""
