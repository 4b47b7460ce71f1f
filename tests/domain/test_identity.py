import datetime as dt

import pytest

from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.identity import (
    IdFacts,
    id_number_facts,
    validate_id_number,
    validate_uscc,
)
from crm.domain.masking import mask_id_number

TODAY = dt.date(2024, 6, 1)


def gb11643(first17: str) -> str:
    """The 18-character ID with its check character, computed here independently of stdnum."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def gb32100(first17: str) -> str:
    weights = [3**i % 31 for i in range(17)]
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]


def wrong_last(number: str) -> str:
    return number[:-1] + ("1" if number[-1] != "1" else "2")


def message(exc: pytest.ExceptionInfo[FieldError]) -> str:
    return str(exc.value.message)


def test_check_digit_helper_matches_known_numbers() -> None:
    assert gb11643("11010519491231002") == "11010519491231002X"  # GB 11643's own example
    assert gb32100("91110000600037341") == "91110000600037341L"


def test_valid_id_numbers() -> None:
    male = gb11643("11010119900307123")
    assert validate_id_number(male, TODAY) == male
    assert validate_id_number(f" {male[:6]} {male[6:14]}-{male[14:]} ", TODAY) == male
    # Wanzhou (created 1997) for someone born in 1960: stdnum's place check would refuse this.
    assert validate_id_number(gb11643("50010119600101123"), TODAY)


def test_lowercase_x_is_normalised() -> None:
    number = next(
        n for n in (gb11643(f"110105194912310{i:02d}") for i in range(100)) if n.endswith("X")
    )
    assert validate_id_number(number.lower(), TODAY) == number
    assert validate_id_number("１１０１０５１９４９１２３１００２ｘ", TODAY) == "11010519491231002X"


def test_bad_checksum() -> None:
    with pytest.raises(FieldError) as exc:
        validate_id_number(wrong_last(gb11643("11010119900307123")), TODAY)
    assert exc.value.field == "id_number"
    assert "last character" in message(exc)
    assert "check the digits" in message(exc)


def test_fifteen_digit_ids_are_refused() -> None:
    with pytest.raises(FieldError) as exc:
        validate_id_number("110101900307123", TODAY)
    assert "15-digit" in message(exc)
    assert "2013" in message(exc)
    assert "18-digit" in message(exc)


def test_wrong_length_says_how_many() -> None:
    with pytest.raises(FieldError) as exc:
        validate_id_number("1101011990030712", TODAY)
    assert exc.value.message.params["count"] == 16
    assert message(exc) == "The ID number must be 18 characters; you entered 16."


@pytest.mark.parametrize(
    "value", ["11010119900307123A", "1101011990X3071234", "11010119900307１2٣"]
)
def test_invalid_characters(value: str) -> None:
    with pytest.raises(FieldError) as exc:
        validate_id_number(value, TODAY)
    assert "only contain digits" in message(exc)


def test_birth_date_in_the_future_is_refused() -> None:
    tomorrow = gb11643("11010120240602123")
    with pytest.raises(FieldError) as exc:
        validate_id_number(tomorrow, TODAY)
    assert "2024-06-02" in message(exc)
    assert "future" in message(exc)
    assert validate_id_number(tomorrow, dt.date(2024, 6, 2)) == tomorrow


def test_birth_date_before_1900_or_not_a_date_is_refused() -> None:
    with pytest.raises(FieldError) as exc:
        validate_id_number(gb11643("11010118991231123"), TODAY)
    assert "before 1900" in message(exc)
    with pytest.raises(FieldError) as exc:
        validate_id_number(gb11643("11010119900230123"), TODAY)
    assert "19900230" in message(exc)
    assert "not a real date" in message(exc)


def test_empty_id_number() -> None:
    with pytest.raises(FieldError):
        validate_id_number("  ", TODAY)


def test_id_number_facts() -> None:
    assert id_number_facts(gb11643("11010119900307123")) == IdFacts(
        dt.date(1990, 3, 7), "male", "110101"
    )
    assert id_number_facts(gb11643("44030519851231002")).gender == "female"
    assert id_number_facts("11010519491231002X").birthday == dt.date(1949, 12, 31)
    with pytest.raises(ValueError):
        id_number_facts("110101900307123")


def test_valid_uscc() -> None:
    code = gb32100("91350100M000100Y4")
    assert validate_uscc(code) == code
    assert validate_uscc(f" {code[:2].lower()} {code[2:8]}-{code[8:].lower()} ") == code
    # Registering authority N (rural collectives): stdnum's validate wants 8 leading digits.
    rural = gb32100("N2330106MF0000001")
    assert validate_uscc(rural) == rural


def test_invalid_uscc() -> None:
    code = gb32100("91110000600037341")
    with pytest.raises(FieldError) as exc:
        validate_uscc(wrong_last(code))
    assert exc.value.field == "uscc"
    assert "last character" in message(exc)
    with pytest.raises(FieldError) as exc:
        validate_uscc(code[:-1])
    assert message(exc).endswith("you entered 17.")
    with pytest.raises(FieldError) as exc:
        validate_uscc("91110000600O37341L")
    assert "cannot contain O" in message(exc)
    with pytest.raises(FieldError) as exc:
        validate_uscc("911100A0600037341L")
    assert "region code" in message(exc)


def test_mask_id_number() -> None:
    assert mask_id_number("110101199003071234") == "110101********1234"
    assert mask_id_number("110101900307123") == "11***********23"
    assert mask_id_number("12345") == "1***5"
    assert mask_id_number("123") == "***"
    assert mask_id_number("") == ""
    for n in range(1, 30):
        masked = mask_id_number("7" * n)
        assert len(masked) == n
        assert n - masked.count("*") <= 10


def test_validation_errors_collects_field_errors() -> None:
    errors: list[FieldError] = []
    for value in ("123", "110101900307123"):
        try:
            validate_id_number(value, TODAY)
        except FieldError as exc:
            errors.append(exc)
    combined = ValidationErrors(errors)
    assert [e.field for e in combined.errors] == ["id_number", "id_number"]
    assert "18 characters" in str(combined)
