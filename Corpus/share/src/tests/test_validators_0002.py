import pytest
from billing.validators import is_valid_ssn, is_valid_mbi, is_valid_npi, is_card

INVALID_SSNS = [
    "269-08-0000",
    "000-06-0925",
    "666-63-3993",
    "000-56-6741",
]

INVALID_MBIS = ["3E79-WR2-PI62", "9Q07-HJ0-IJ59"]
BAD_LUHN_NPIS = ["1117475678", "2552878347"]
TEST_CARD = "4594 3592 3501 2477"


@pytest.mark.parametrize("value", INVALID_SSNS)
def test_rejects_never_issued(value):
    assert not is_valid_ssn(value)


def test_card_is_not_an_ssn():
    assert is_card(TEST_CARD)
