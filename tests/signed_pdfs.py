"""Signed PDFs made at test time: a test CA, signers' certificates and pyHanko signatures.

Nothing is downloaded: keys and certificates come from `cryptography`, signatures and the
timestamp from pyHanko (its in-process `DummyTimeStamper` plays the timestamp authority).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from asn1crypto import crl as asn1_crl
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers, timestamps
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator.registry import SimpleCertificateStore

PROVINCE = "UBND tỉnh Nam Định"
SAMPLE = Path(__file__).parent.parent / "samples" / "qd_list_grid4_textpdf_namdinh_2024.pdf"


def _new_key() -> rsa.RSAPrivateKey:
    """RSA: pyHanko's test timestamp authority signs with RSA only."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _key_usage(**on: bool) -> x509.KeyUsage:
    names = ("content_commitment", "key_encipherment", "data_encipherment", "key_agreement",
             "key_cert_sign", "crl_sign", "encipher_only", "decipher_only")  # fmt: skip
    return x509.KeyUsage(digital_signature=True, **{n: on.get(n, False) for n in names})


def _name(common: str, organization: str | None = None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organization:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common))
    return x509.Name(parts)


@dataclass(frozen=True)
class Identity:
    """A key and its certificate, with the chain above it (root last)."""

    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)

    def _asn1(self) -> tuple[asn1_x509.Certificate, asn1_keys.PrivateKeyInfo]:
        key = self.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return _asn1_cert(self.cert), asn1_keys.PrivateKeyInfo.load(key)

    def _chain(self) -> SimpleCertificateStore:
        certs = [_asn1_cert(c) for c in self.chain]
        return SimpleCertificateStore.from_certs(certs)  # type: ignore[no-untyped-call,no-any-return]

    def signer(self) -> signers.SimpleSigner:
        cert, key = self._asn1()
        return signers.SimpleSigner(signing_cert=cert, signing_key=key, cert_registry=self._chain())

    def timestamper(self) -> timestamps.DummyTimeStamper:
        cert, key = self._asn1()
        return timestamps.DummyTimeStamper(tsa_cert=cert, tsa_key=key, certs_to_embed=self._chain())


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def certificate_authority(common: str, *, now: datetime | None = None) -> Identity:
    now = now or datetime.now(UTC)
    key = _new_key()
    name = _name(common, "Test CA")
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=3650))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_key_usage(key_cert_sign=True, crl_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Identity(key, cert)


def issue(
    ca: Identity,
    common: str,
    organization: str | None = None,
    *,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    timestamping: bool = False,
) -> Identity:
    """A certificate for a signer (or a timestamp authority) under `ca`."""
    now = datetime.now(UTC)
    key = _new_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common, organization))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - timedelta(days=30))
        .not_valid_after(not_after or now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(content_commitment=True), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
            critical=False,
        )
    )
    # Every CA's certificates say where their CRL is (never fetched: the tests run offline);
    # a verifier checks revocation only for certificates that declare it.
    point = x509.DistributionPoint(
        [x509.UniformResourceIdentifier("http://ca.invalid/root.crl")], None, None, None
    )
    builder = builder.add_extension(x509.CRLDistributionPoints([point]), critical=False)
    if timestamping:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    cert = builder.sign(ca.key, hashes.SHA256())
    return Identity(key, cert, (ca.cert, *ca.chain))


def sign(
    pdf: bytes,
    who: Identity,
    *,
    field: str = "ChuKy1",
    timestamper: timestamps.TimeStamper | None = None,
) -> bytes:
    """`pdf` with one more signature, appended as an incremental update."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    out = signers.sign_pdf(
        writer,
        signers.PdfSignatureMetadata(field_name=field),
        signer=who.signer(),
        timestamper=timestamper,
    )
    return bytes(out.getvalue())


def alter_after_signing(pdf: bytes) -> bytes:
    """An incremental update that paints a white box over the first page's text: the kind
    of change a signature must reveal."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    stream = generic.StreamObject(stream_data=b"q 1 1 1 rg 0 0 600 400 re f Q")
    writer.add_stream_to_page(0, writer.add_object(stream))  # type: ignore[no-untyped-call]
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def sample_pdf() -> bytes:
    return SAMPLE.read_bytes()


def with_crl(pdf: bytes, ca: Identity, revoked: tuple[Identity, ...] = ()) -> bytes:
    """`pdf` with `ca`'s revocation list (revoking `revoked` a day ago) added to its
    document security store, as long-term validation does: issued after the signing."""
    now = datetime.now(UTC)
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.cert.subject)
        .last_update(now)
        .next_update(now + timedelta(days=7))
    )
    for who in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(who.cert.serial_number)
            .revocation_date(now - timedelta(days=1))
            .build()
        )
    crl = builder.sign(ca.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
    stream = io.BytesIO(pdf)
    DocumentSecurityStore.add_dss(
        stream, None, crls=[asn1_crl.CertificateList.load(crl)], embed_roots=False
    )
    return stream.getvalue()


@dataclass(frozen=True)
class Material:
    roots: Path
    files: dict[str, Path]
    province: Identity
    chairman: Identity


def make_material(folder: Path) -> Material:
    """A trust roots folder and one PDF per case, all made now under `folder`."""
    root = certificate_authority("Test Root CA")
    foreign = certificate_authority("Foreign CA")
    tsa = issue(root, "Test TSA", "Test TSA", timestamping=True)
    foreign_tsa = issue(foreign, "Foreign TSA", "Foreign TSA", timestamping=True)
    province = issue(root, PROVINCE, PROVINCE)
    chairman = issue(root, "Trần Văn Hùng", PROVINCE)
    expired = issue(
        root,
        "Sở Giáo dục và Đào tạo",
        "Sở Giáo dục và Đào tạo tỉnh Nam Định",
        not_before=datetime(2019, 1, 1, tzinfo=UTC),
        not_after=datetime(2021, 1, 1, tzinfo=UTC),
    )
    revoked = issue(root, "Phòng Nội vụ", "UBND huyện Ý Yên")
    stranger = issue(foreign, "UBND tỉnh Nam Định", "UBND tỉnh Nam Định")
    roots = folder / "roots"
    roots.mkdir()
    (roots / "root.pem").write_bytes(root.pem())
    (roots / "readme.txt").write_text("not a certificate: ignored by its name")
    base = sample_pdf()
    once = sign(base, province)
    made = {
        "unsigned": base,
        "once": once,
        "twice": sign(once, chairman, field="ChuKy2"),
        "altered": alter_after_signing(once),
        "expired": sign(base, expired),
        "foreign": sign(base, stranger),
        "timestamped": sign(base, province, timestamper=tsa.timestamper()),
        "foreign_timestamp": sign(base, province, timestamper=foreign_tsa.timestamper()),
        "revoked": with_crl(sign(base, revoked), root, (revoked,)),
        "crl_good": with_crl(once, root, (revoked,)),
        "crl_foreign": with_crl(once, foreign),
    }
    files = {}
    for name, data in made.items():
        files[name] = folder / f"{name}.pdf"
        files[name].write_bytes(data)
    return Material(roots, files, province, chairman)
