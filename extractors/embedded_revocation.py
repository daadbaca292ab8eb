"""Certificates, CRLs and OCSP responses a signed PDF carries: in its document security
store (DSS, added by long-term validation) and in each signature's CMS (the `crls` field
and Adobe's revocation archive attribute). The only revocation data tdkt uses: nothing
is fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from asn1crypto import cms, crl, ocsp, x509
from cryptography import x509 as pyca_x509
from cryptography.exceptions import InvalidSignature
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import EmbeddedPdfSignature
from pyhanko.sign.validation.dss import DocumentSecurityStore

from extractors.trust_roots import TrustRoots


@dataclass
class EmbeddedRevocation:
    certs: list[x509.Certificate] = field(default_factory=list)
    crls: list[crl.CertificateList] = field(default_factory=list)
    ocsps: list[ocsp.OCSPResponse] = field(default_factory=list)

    def with_signature(self, signature: EmbeddedPdfSignature) -> EmbeddedRevocation:
        """The file's data plus what this signature's CMS carries."""
        own = EmbeddedRevocation(list(self.certs), list(self.crls), list(self.ocsps))
        signed_data: cms.SignedData = signature.signed_data
        own.certs.extend(signature.other_embedded_certs)
        for choice in signed_data["crls"] or ():
            if choice.name == "crl":
                own.crls.append(choice.chosen)
        for attribute in signature.signer_info["signed_attrs"] or ():
            if attribute["type"].native != "adobe_revocation_info_archival":
                continue
            for archive in attribute["values"]:
                own.crls.extend(archive["crl"] or ())
                own.ocsps.extend(archive["ocsp"] or ())
        return own

    def speaks_for(self, cert: x509.Certificate, roots: TrustRoots) -> bool:
        """Whether any embedded CRL signed by the certificate's issuer, or any successful
        OCSP response naming its serial, is there to say whether it was revoked."""
        known = (*roots.certificates, *self.certs)
        issuers = [c for c in known if c.subject == cert.issuer]
        if any(_issued_by(item, issuers) for item in self.crls):
            return True
        return any(_names(response, cert.serial_number) for response in self.ocsps)


def file_revocation_data(reader: PdfFileReader) -> EmbeddedRevocation:
    embedded = EmbeddedRevocation()
    try:
        dss = DocumentSecurityStore.read_dss(reader)
        embedded.certs.extend(dss.load_certs())
        embedded.crls.extend(crl.CertificateList.load(ref.get_object().data) for ref in dss.crls)
        embedded.ocsps.extend(ocsp.OCSPResponse.load(ref.get_object().data) for ref in dss.ocsps)
    except Exception:  # NoDSSFoundError, or a broken store: no embedded data then
        return EmbeddedRevocation()
    return embedded


def _issued_by(item: crl.CertificateList, issuers: list[x509.Certificate]) -> bool:
    try:
        loaded = pyca_x509.load_der_x509_crl(item.dump())
    except ValueError:
        return False
    for issuer in issuers:
        key = pyca_x509.load_der_x509_certificate(issuer.dump()).public_key()
        try:
            if loaded.is_signature_valid(key):  # type: ignore[arg-type]
                return True
        except (InvalidSignature, TypeError, ValueError):
            continue
    return False


def _names(response: ocsp.OCSPResponse, serial: int) -> bool:
    try:
        if response["response_status"].native != "successful":
            return False
        answers = response["response_bytes"]["response"].parsed["tbs_response_data"]["responses"]
        return any(a["cert_id"]["serial_number"].native == serial for a in answers)
    except (KeyError, TypeError, ValueError):
        return False
