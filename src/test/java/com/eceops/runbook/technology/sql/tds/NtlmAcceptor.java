package com.eceops.runbook.technology.sql.tds;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The server side of NTLMv2 (MS-NLMP) for one domain account, as SQL Server takes a Windows login over TDS: the
 * driver's NEGOTIATE comes in LOGIN7's SSPI field, this answers a CHALLENGE (a random server challenge, target info
 * with the domain's NetBIOS name and a timestamp), and the driver's AUTHENTICATE is accepted only when its NTProofStr
 * is what the account's password gives (3.3.2: NTOWFv2 from MD4 of the password, the upper-cased user and the domain).
 * The MIC is not checked: it protects the messages from a man in the middle, which a loopback test does not have.
 */
final class NtlmAcceptor {

    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final int CHALLENGE = 2;
    private static final int AUTHENTICATE = 3;
    private static final int AV_EOL = 0;
    private static final int AV_NB_DOMAIN_NAME = 2;
    private static final int AV_TIMESTAMP = 7;
    /** Between 1601-01-01 and 1970-01-01, in 100 ns ticks (FILETIME). */
    private static final long FILETIME_EPOCH = 116_444_736_000_000_000L;

    private final String domain;
    private final String user;
    private final String password;
    private final byte[] serverChallenge = new byte[8];

    NtlmAcceptor(String domain, String user, String password) {
        this.domain = domain;
        this.user = user;
        this.password = password;
        new SecureRandom().nextBytes(serverChallenge);
    }

    /** The CHALLENGE_MESSAGE, laid out as 2.2.1.2 orders it: fixed fields, then the target name, then the target info. */
    byte[] challenge(byte[] negotiate) {
        if (negotiate.length < 12 || !Arrays.equals(Arrays.copyOf(negotiate, 8), SIGNATURE)) {
            throw new IllegalArgumentException("not an NTLM NEGOTIATE_MESSAGE");
        }
        byte[] targetName = domain.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer info = ByteBuffer.allocate(4 + targetName.length + 4 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        info.putShort((short) AV_NB_DOMAIN_NAME).putShort((short) targetName.length).put(targetName);
        info.putShort((short) AV_TIMESTAMP).putShort((short) 8).putLong(System.currentTimeMillis() * 10_000 + FILETIME_EPOCH);
        info.putShort((short) AV_EOL).putShort((short) 0);
        byte[] targetInfo = info.array();
        int flags = ByteBuffer.wrap(negotiate).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        ByteBuffer m = ByteBuffer.allocate(56 + targetName.length + targetInfo.length).order(ByteOrder.LITTLE_ENDIAN);
        m.put(SIGNATURE).putInt(CHALLENGE);
        m.putShort((short) targetName.length).putShort((short) targetName.length).putInt(56);
        m.putInt(flags);
        m.put(serverChallenge);
        m.putLong(0);
        m.putShort((short) targetInfo.length).putShort((short) targetInfo.length).putInt(56 + targetName.length);
        m.putLong(0);
        m.put(targetName).put(targetInfo);
        return m.array();
    }

    /** The account (as MASSIVE\ECEInstaller is written) when the AUTHENTICATE_MESSAGE proves the account's password; empty otherwise. */
    Optional<String> accept(byte[] authenticate) {
        ByteBuffer m = ByteBuffer.wrap(authenticate).order(ByteOrder.LITTLE_ENDIAN);
        if (authenticate.length < 64 || !Arrays.equals(Arrays.copyOf(authenticate, 8), SIGNATURE) || m.getInt(8) != AUTHENTICATE) {
            return Optional.empty();
        }
        byte[] ntResponse = field(authenticate, m, 20);
        String theirDomain = new String(field(authenticate, m, 28), StandardCharsets.UTF_16LE);
        String theirUser = new String(field(authenticate, m, 36), StandardCharsets.UTF_16LE);
        if (ntResponse.length <= 16 || !theirDomain.equalsIgnoreCase(domain) || !theirUser.equalsIgnoreCase(user)) {
            return Optional.empty();
        }
        byte[] proof = Arrays.copyOf(ntResponse, 16);
        byte[] temp = Arrays.copyOfRange(ntResponse, 16, ntResponse.length);
        byte[] ntowfv2 = hmacMd5(md4(password.getBytes(StandardCharsets.UTF_16LE)),
                (theirUser.toUpperCase(Locale.ROOT) + theirDomain).getBytes(StandardCharsets.UTF_16LE));
        byte[] expected = hmacMd5(ntowfv2, concat(serverChallenge, temp));
        return MessageDigest.isEqual(proof, expected) ? Optional.of(domain + "\\" + theirUser) : Optional.empty();
    }

    private static byte[] field(byte[] message, ByteBuffer m, int at) {
        int length = m.getShort(at) & 0xFFFF;
        int offset = m.getInt(at + 4);
        if (offset < 0 || offset + length > message.length) {
            return new byte[0];
        }
        return Arrays.copyOfRange(message, offset, offset + length);
    }

    private static byte[] md4(byte[] data) {
        MD4Digest digest = new MD4Digest();
        digest.update(data, 0, data.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }

    private static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
