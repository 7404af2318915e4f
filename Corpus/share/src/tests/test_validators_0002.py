import pytest
from billing.validators import is_valid_ssn, is_valid_mbi, is_valid_npi, is_card

INVALID_SSNS = [
    "000-96-0868",
    "084-00-6766",
    "666-22-8961",
    "328-94-0000",
]

INVALID_MBIS = ["5GW7-Q30-FI41", "9OG8-XH4-XK07"]
BAD_LUHN_NPIS = ["1805371958", "1347716184"]
TEST_CARD = "4742 6580 4083 2602"


@pytest.mark.parametrize("value", INVALID_SSNS)
def test_rejects_never_issued(value):
    assert not is_valid_ssn(value)


def test_card_is_not_an_ssn():
    assert is_card(TEST_CARD)
