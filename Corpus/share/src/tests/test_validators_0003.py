import pytest
from billing.validators import is_valid_ssn, is_valid_mbi, is_valid_npi, is_card

INVALID_SSNS = [
    "000-47-5475",
    "666-77-7215",
    "095-00-7531",
    "666-56-9726",
]

INVALID_MBIS = ["7PY7-R64-BP34", "6ZM8-HG7-EU60"]
BAD_LUHN_NPIS = ["1326596943", "2914352664"]
TEST_CARD = "4194 6586 5441 4096"


@pytest.mark.parametrize("value", INVALID_SSNS)
def test_rejects_never_issued(value):
    assert not is_valid_ssn(value)


def test_card_is_not_an_ssn():
    assert is_card(TEST_CARD)
