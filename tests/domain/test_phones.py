import pytest

from crm.domain.errors import FieldError
from crm.domain.masking import mask_phone
from crm.domain.phones import Phone, phone_digits, validate_phone


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "0086 13812345678",
        "0086-138-1234-5678",
        "86 138 1234 5678",
        "１３８１２３４５６７８",  # full-width, as a Chinese IME may type it
        " 138—1234—5678 ",
    ],
)
def test_mobile_forms_normalise_to_one_number(typed: str) -> None:
    assert validate_phone(typed) == Phone("+8613812345678", "13812345678", "138 1234 5678", True)


@pytest.mark.parametrize(
    "typed", ["010-12345678", "01012345678", "010 1234 5678", "(010)12345678", "+86 10 1234 5678"]
)
def test_beijing_landline_forms(typed: str) -> None:
    assert validate_phone(typed) == Phone("+861012345678", "01012345678", "010-1234 5678", False)


@pytest.mark.parametrize(
    ("typed", "e164", "national", "display"),
    [
        ("0571 8765 4321", "+8657187654321", "057187654321", "0571-8765 4321"),
        ("(0755)12345678", "+8675512345678", "075512345678", "0755-1234 5678"),
        ("（0755）12345678", "+8675512345678", "075512345678", "0755-1234 5678"),
        ("0086-21-12345678", "+862112345678", "02112345678", "021-1234 5678"),
    ],
)
def test_landlines_with_area_code(typed: str, e164: str, national: str, display: str) -> None:
    assert validate_phone(typed) == Phone(e164, national, display, False)


def test_foreign_numbers_with_country_code() -> None:
    uk = validate_phone("+44 20 7946 0958")
    assert (uk.e164, uk.national, uk.display) == ("+442079460958", "00442079460958", uk.display)
    assert uk.display.startswith("+44 20")
    assert validate_phone("001 650 253 0000").e164 == "+16502530000"


def error_text(value: str) -> str:
    with pytest.raises(FieldError) as exc:
        validate_phone(value)
    assert exc.value.field == "phone"
    return str(exc.value.message)


@pytest.mark.parametrize("typed", ["62345678", "8765 4321", "6234567"])
def test_landline_without_area_code_is_refused(typed: str) -> None:
    assert "add the area code" in error_text(typed)
    assert "010" in error_text(typed)


@pytest.mark.parametrize(("typed", "count"), [("1381234567", 10), ("138 1234 56789", 12)])
def test_mobile_length_says_11_digits(typed: str, count: int) -> None:
    text = error_text(typed)
    assert "11 digits" in text
    assert f"you entered {count}" in text


def test_too_short() -> None:
    assert "too short" in error_text("95588")
    assert "11 digits" in error_text("+86 138 1234")


def test_other_refusals() -> None:
    assert "letters" in error_text("138abc45678")
    assert "转" in error_text("010-12345678转123")
    assert "not a valid Chinese mobile" in error_text("12345678901")
    assert "10 to 12 digits" in error_text("0101234567890123")
    assert "+1" in error_text("+1 123 456")
    assert "Enter a phone number" in error_text("  ")
    with pytest.raises(FieldError) as exc:
        validate_phone("123", field="phone2")
    assert exc.value.field == "phone2"


def test_mask_phone() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("138 1234 5678") == "138****5678"
    assert mask_phone("+8613812345678") == "138****5678"
    assert mask_phone("01012345678") == "010****5678"
    assert mask_phone("010-1234 5678") == "010****5678"
    assert mask_phone("057187654321") == "057*****4321"
    assert mask_phone("1234567") == "12***67"
    assert mask_phone("1234") == "****"


def test_phone_digits() -> None:
    assert phone_digits("+86 (138) 1234-5678") == "8613812345678"
    assert phone_digits("１３８") == "138"
