package certrenewal.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectNameTest {

    @Test
    void subjectIsBuiltFromTheBanksRecords() {
        SubjectName subject = SubjectName.of(new Contract(new ContractNumber("C0001"), "Example Co"), new LoginId("user-1"));

        assertEquals(new SubjectName("JP", "Example Co", "C0001", "user-1"), subject);
        assertEquals("CN=user-1,OU=C0001,O=Example Co,C=JP", subject.rfc4514());
        assertEquals(subject.rfc4514(), subject.toString());
    }

    @Test
    void japaneseNamesAreWrittenAsTheyAre() {
        SubjectName subject = SubjectName.of(new Contract(new ContractNumber("C0002"), "株式会社　東京商事"), new LoginId("taro"));

        assertEquals("CN=taro,OU=C0002,O=株式会社　東京商事,C=JP", subject.rfc4514());
        assertEquals(List.of("JP", "株式会社　東京商事", "C0002", "taro"), parsedValues(subject.rfc4514()));
    }

    @Test
    void specialCharactersAreEscapedPerRfc4514() {
        SubjectName subject = new SubjectName("JP", "A,B+C\"D\\E<F>G;H=I", "OU", "CN");

        assertEquals("CN=CN,OU=OU,O=A\\,B\\+C\\\"D\\\\E\\<F\\>G\\;H\\=I,C=JP", subject.rfc4514());
    }

    @Test
    void leadingHashAndSpaceAndTrailingSpaceAreEscaped() {
        SubjectName subject = new SubjectName("JP", " lead", "#hash", "trail ");

        assertEquals("CN=trail\\ ,OU=\\#hash,O=\\ lead,C=JP", subject.rfc4514());
    }

    @Test
    void hashAndSpaceInsideAValueAreNotEscaped() {
        assertEquals("CN=a #b c,OU=x#y,O=O,C=JP", new SubjectName("JP", "O", "x#y", "a #b c").rfc4514());
    }

    @Test
    void nulIsEscapedAsAHexPair() {
        assertEquals("CN=a\\00b,OU=OU,O=O,C=JP", new SubjectName("JP", "O", "OU", "a\u0000b").rfc4514());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A,B", "株式会社 \"ABC\"", " x ", "#1", "a\\b", "x+y=z;<>", "単一 ", "𠮷野家"})
    void escapedNameParsesBackToTheSameValues(String organization) {
        SubjectName subject = new SubjectName("JP", organization, "C0001", "user.1");

        assertEquals(List.of("JP", organization, "C0001", "user.1"), parsedValues(subject.rfc4514()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jp", "J", "JPN", "1P", ""})
    void countryMustBeTwoUpperCaseLetters(String country) {
        assertThrows(IllegalArgumentException.class, () -> new SubjectName(country, "O", "OU", "CN"));
    }

    @Test
    void emptyValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SubjectName("JP", "", "OU", "CN"));
        assertThrows(IllegalArgumentException.class, () -> new SubjectName("JP", "O", "", "CN"));
        assertThrows(IllegalArgumentException.class, () -> new SubjectName("JP", "O", "OU", ""));
    }

    @Test
    void nullValuesAreRefused() {
        assertThrows(NullPointerException.class, () -> new SubjectName(null, "O", "OU", "CN"));
        assertThrows(NullPointerException.class, () -> new SubjectName("JP", null, "OU", "CN"));
        assertThrows(NullPointerException.class, () -> new SubjectName("JP", "O", null, "CN"));
        assertThrows(NullPointerException.class, () -> new SubjectName("JP", "O", "OU", null));
    }

    /** The attribute values, least specific first (LdapName reverses the string order). */
    private static List<String> parsedValues(String rfc4514) {
        try {
            return new LdapName(rfc4514).getRdns().stream().map(Rdn::getValue).map(String.class::cast).toList();
        } catch (InvalidNameException e) {
            throw new AssertionError(rfc4514, e);
        }
    }
}
