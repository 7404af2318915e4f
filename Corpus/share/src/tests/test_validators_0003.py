import pytest
from billing.validators import is_valid_ssn, is_valid_mbi, is_valid_npi, is_card

INVALID_SSNS = [
    "564-49-0000",
    "161-00-3275",
    "606-00-6248",
    "666-54-2563",
]

INVALID_MBIS = ["2I86-VE3-VY85", "7HK6-ZN1-DD38"]
BAD_LUHN_NPIS = ["1151664026", "2918122181"]
TEST_CARD = "4887 2521 4417 2357"


@pytest.mark.parametrize("value", INVALID_SSNS)
def test_rejects_never_issued(value):
    assert not is_valid_ssn(value)


def test_card_is_not_an_ssn():
    assert is_card(TEST_CARD)
