import pytest
from billing.validators import is_valid_ssn, is_valid_mbi, is_valid_npi, is_card

INVALID_SSNS = [
    "032-00-1692",
    "000-72-0472",
    "000-87-3131",
    "000-62-8404",
]

INVALID_MBIS = ["7MX7-O13-DG37", "5K44-Q87-UL34"]
BAD_LUHN_NPIS = ["1598657463", "2626658602"]
TEST_CARD = "4972 0654 5986 0333"


@pytest.mark.parametrize("value", INVALID_SSNS)
def test_rejects_never_issued(value):
    assert not is_valid_ssn(value)


def test_card_is_not_an_ssn():
    assert is_card(TEST_CARD)
