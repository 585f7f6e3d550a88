import pytest

from tests.outgoing.signed_pdfs import Authority


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def government_ca():
    """The root the office trusts (standing in for a Vietnamese government CA root)."""
    return Authority.make("Root CA thử nghiệm của Chính phủ")


@pytest.fixture(scope="session")
def stranger_ca():
    """A root the office never put in its folder."""
    return Authority.make("Root CA không rõ nguồn gốc")


@pytest.fixture
def trust_folder(settings, tmp_path, government_ca):
    folder = tmp_path / "trust-roots"
    folder.mkdir()
    (folder / "chinh-phu.pem").write_bytes(government_ca.root_pem)
    settings.SIGNING_TRUST_ROOTS_DIR = folder
    return folder
