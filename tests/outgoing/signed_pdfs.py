"""Signed PDFs made at test time: a root and a signer's certificate (cryptography), a
one-page PDF, signed with pyHanko; an altered copy, a copy changed after signing, one
signed under a root the office does not trust, and the unsigned original."""

import datetime
import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from asn1crypto import keys, x509
from cryptography import x509 as cx509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.writer import PdfFileWriter
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

SIGNER = "Nguyễn Văn Sơn"
ORGANISATION = "Sở Tư pháp tỉnh Tuyên Quang"


def _name(common_name: str, organisation: str = "") -> cx509.Name:
    attributes = [cx509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organisation:
        attributes.append(cx509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    attributes.append(cx509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return cx509.Name(attributes)


def _usage(*, ca: bool) -> cx509.KeyUsage:
    return cx509.KeyUsage(
        digital_signature=True,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _certificate(subject: cx509.Name, issuer: cx509.Name, public_key, issuer_key, *, ca: bool):
    now = datetime.datetime.now(datetime.UTC)
    return (
        cx509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(cx509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(cx509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(_usage(ca=ca), critical=True)
        .sign(issuer_key, hashes.SHA256())
    )


def _asn1(certificate) -> x509.Certificate:
    return x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


@dataclass
class Authority:
    """A root and one signer under it."""

    root: cx509.Certificate
    signer_cert: cx509.Certificate
    signer_key: ec.EllipticCurvePrivateKey

    @classmethod
    def make(cls, name: str) -> "Authority":
        root_key = ec.generate_private_key(ec.SECP256R1())
        root_name = _name(name)
        root = _certificate(root_name, root_name, root_key.public_key(), root_key, ca=True)
        key = ec.generate_private_key(ec.SECP256R1())
        cert = _certificate(_name(SIGNER, ORGANISATION), root_name, key.public_key(), root_key, ca=False)
        return cls(root, cert, key)

    @property
    def root_pem(self) -> bytes:
        return self.root.public_bytes(serialization.Encoding.PEM)

    @property
    def root_der(self) -> bytes:
        return self.root.public_bytes(serialization.Encoding.DER)

    @property
    def trusted(self) -> list:
        return [_asn1(self.root)]

    def sign(self, pdf: bytes) -> bytes:
        key = keys.PrivateKeyInfo.load(
            self.signer_key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        signer = signers.SimpleSigner(
            signing_cert=_asn1(self.signer_cert),
            signing_key=key,
            cert_registry=SimpleCertificateStore.from_certs([_asn1(self.root)]),
        )
        meta = signers.PdfSignatureMetadata(field_name="ChuKyGiamDoc")
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        # pyHanko's synchronous call runs its own event loop: after the browser tests the
        # main thread already has one, so sign in a worker thread.
        with ThreadPoolExecutor(max_workers=1) as worker:
            return worker.submit(signers.sign_pdf, writer, meta, signer=signer).result().getvalue()


def _page() -> generic.DictionaryObject:
    size = [generic.NumberObject(n) for n in (0, 0, 595, 842)]
    return generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Page"),
            generic.NameObject("/MediaBox"): generic.ArrayObject(size),
        }
    )


def unsigned_pdf() -> bytes:
    writer = PdfFileWriter()
    writer.insert_page(_page())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def altered(signed: bytes) -> bytes:
    """The signed bytes with one value changed inside the signed range (the page size)."""
    assert b"842" in signed
    return signed.replace(b"842", b"843", 1)


def page_added(signed: bytes) -> bytes:
    """A page appended after signing, as an incremental update (the signature itself
    still matches its revision)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    writer.insert_page(_page())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
