import pytest
from billing.validators import is_valid_ssn, is_valid_mbi, is_valid_npi, is_card

INVALID_SSNS = [
    "000-88-5974",
    "506-00-5808",
    "000-51-9724",
    "360-00-6810",
]

INVALID_MBIS = ["2MP1-OC3-CW94", "6O37-NQ3-CM91"]
BAD_LUHN_NPIS = ["2513938939", "1264272333"]
TEST_CARD = "4689 6255 9319 7555"


@pytest.mark.parametrize("value", INVALID_SSNS)
def test_rejects_never_issued(value):
    assert not is_valid_ssn(value)


def test_card_is_not_an_ssn():
    assert is_card(TEST_CARD)
