import pytest
from billing.validators import is_valid_ssn, is_valid_mbi, is_valid_npi, is_card

INVALID_SSNS = [
    "000-59-3965",
    "286-00-7469",
    "000-62-7476",
    "500-00-7504",
]

INVALID_MBIS = ["6BN6-M53-KY33", "8IN6-X74-RX24"]
BAD_LUHN_NPIS = ["1561150863", "2867324591"]
TEST_CARD = "4954 1928 9389 2664"


@pytest.mark.parametrize("value", INVALID_SSNS)
def test_rejects_never_issued(value):
    assert not is_valid_ssn(value)


def test_card_is_not_an_ssn():
    assert is_card(TEST_CARD)
