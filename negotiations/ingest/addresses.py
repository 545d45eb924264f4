"""Which network addresses the fetcher may connect to (the SSRF guard).

Checks run on the addresses a host name resolves to, not on the name: "2130706433", "0x7f.1" and
"localhost" all resolve to 127.0.0.1 and are refused like it.
"""

import ipaddress
import socket
from collections.abc import Iterable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Ranges that `is_global` lets through but that can reach internal machines, or that embed an
# arbitrary IPv4 address (same list as requests-hardened and Mastodon's PrivateAddressCheck).
EXTRA_BLOCKED_NETWORKS: tuple[IPNetwork, ...] = tuple(
    ipaddress.ip_network(cidr)
    for cidr in (
        "100.64.0.0/10",  # carrier-grade NAT
        "192.0.0.0/24",  # IETF protocol assignments
        "192.88.99.0/24",  # 6to4 relay anycast
        "::/96",  # IPv4-compatible IPv6, [::127.0.0.1]
        "64:ff9b::/96",  # NAT64
        "64:ff9b:1::/48",  # local-use NAT64
        "2001::/32",  # Teredo
        "2001:20::/28",  # ORCHIDv2
        "2002::/16",  # 6to4
        "3fff::/20",  # documentation
        "5f00::/16",  # segment routing
    )
)


class AddressBlocked(Exception):
    """Raised inside the fetcher, which turns it into FetchError("blocked_address")."""

    def __init__(self, host: str, address: IPAddress) -> None:
        where = str(address) if host.strip("[]") == str(address) else f"{host} resolves to {address}, which"
        super().__init__(f"{where} is not a public address")
        self.host = host
        self.address = address


def is_public_address(address: IPAddress) -> bool:
    """True for an address on the public internet: not loopback, private, link-local (so not the
    169.254.169.254 metadata service), CGNAT, multicast, reserved, unspecified, or a wrapper around one."""
    address = _unwrap(address)
    if (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    ):
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.is_site_local:
        return False
    return not any(address in net for net in EXTRA_BLOCKED_NETWORKS if net.version == address.version)


def is_allowed_address(
    address: IPAddress, *, allow_private_networks: bool = False, allowlist: Iterable[str] = ()
) -> bool:
    """True when the fetcher may connect to `address` under these settings.

    `allowlist` holds CIDRs (e.g. "10.1.2.0/24") reachable even when private networks are refused.
    Multicast and unspecified addresses are never allowed: nothing is to be fetched there.
    """
    address = _unwrap(address)
    if address.is_multicast or address.is_unspecified:
        return False
    if allow_private_networks:
        return True
    if any(address in ipaddress.ip_network(cidr, strict=False) for cidr in allowlist):
        return True
    return is_public_address(address)


def resolve(host: str, port: int) -> list[IPAddress]:
    """All addresses `host` resolves to, in the resolver's order. Raises socket.gaierror."""
    infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _canonname, sockaddr in infos:
        # Strip an IPv6 zone ("fe80::1%eth0") before parsing: the address is what gets checked.
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def _unwrap(address: IPAddress) -> IPAddress:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address
