import pytest
from billing.validators import is_valid_ssn, is_valid_mbi, is_valid_npi, is_card

INVALID_SSNS = [
    "666-12-9501",
    "026-78-0000",
    "614-00-3195",
    "666-95-1932",
]

INVALID_MBIS = ["9Q46-XD0-HL01", "5P39-ZX7-UQ88"]
BAD_LUHN_NPIS = ["2355434036", "1546100859"]
TEST_CARD = "4701 8118 3941 2487"


@pytest.mark.parametrize("value", INVALID_SSNS)
def test_rejects_never_issued(value):
    assert not is_valid_ssn(value)


def test_card_is_not_an_ssn():
    assert is_card(TEST_CARD)
