import datetime as dt

from crm.domain.loan_calendar import add_months, contract_maturity, due_dates, standing

D = dt.date


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)  # leap year
    assert add_months(D(2026, 1, 31), 3) == D(2026, 4, 30)
    assert add_months(D(2026, 11, 15), 2) == D(2027, 1, 15)  # across the year
    assert add_months(D(2026, 12, 1), 1, day=20) == D(2027, 1, 20)
    assert add_months(D(2026, 12, 1), 2, day=31) == D(2027, 2, 28)


def test_due_dates_fall_on_the_repayment_day_of_each_month() -> None:
    dates = due_dates(D(2026, 12, 1), 3, 20)
    assert dates == [D(2027, 1, 20), D(2027, 2, 20), D(2027, 3, 20)]
    assert due_dates(D(2026, 1, 31), 2, None) == [D(2026, 2, 28), D(2026, 3, 31)]


def test_contract_maturity() -> None:
    assert contract_maturity(D(2026, 12, 1), 36) == D(2029, 12, 1)
    assert contract_maturity(D(2024, 2, 29), 12) == D(2025, 2, 28)


def test_standing_counts_passed_days_and_today_is_next() -> None:
    dates = due_dates(D(2026, 12, 1), 3, 20)
    assert standing(dates, D(2027, 1, 19)) == (0, 1, D(2027, 1, 20))
    assert standing(dates, D(2027, 1, 20)) == (0, 1, D(2027, 1, 20))  # due today
    assert standing(dates, D(2027, 1, 21)) == (1, 2, D(2027, 2, 20))
    assert standing(dates, D(2027, 4, 1)) == (3, None, None)
