package dev.accesskeys.lifecycle;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * A real SMTP server (GreenMail) on loopback, and the realm settings that make Keycloak send to it. Public for the
 * cluster suite, whose two nodes send to it too.
 */
public final class Mailbox implements AutoCloseable {

    public static final int PORT = 3025;

    /** {@code body} is the text/plain part, {@code html} the text/html part ("" when there is none). */
    public record Mail(String to, String subject, String body, String html) {
    }

    private final GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    public Mailbox() {
        server.start();
    }

    /**
     * Points the realm's e-mail at this server and sets a frontend URL for links. The realm keeps Keycloak's default
     * e-mail theme: the extension's templates must be found whatever the theme.
     */
    static void configure(RealmResource realm, String frontendUrl) {
        RealmRepresentation rep = realm.toRepresentation();
        Map<String, String> smtp = new HashMap<>();
        smtp.put("host", "127.0.0.1");
        smtp.put("port", Integer.toString(PORT));
        smtp.put("from", "keys@example.org");
        rep.setSmtpServer(smtp);
        Map<String, String> attributes = rep.getAttributes() == null ? new HashMap<>() : new HashMap<>(rep.getAttributes());
        attributes.put("frontendUrl", frontendUrl);
        rep.setAttributes(attributes);
        realm.update(rep);
    }

    public List<Mail> mails() {
        return Arrays.stream(server.getReceivedMessages()).map(Mailbox::mail).toList();
    }

    public List<Mail> mailsTo(String address) {
        return mails().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), part(message, "text/plain"),
                    part(message, "text/html"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded parts of the given MIME type (joined when there are several). */
    private static String part(Part part, String mimeType) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(part(multipart.getBodyPart(i), mimeType));
            }
            return text.toString();
        }
        return part.isMimeType(mimeType) && content instanceof String string ? string : "";
    }

    @Override
    public void close() {
        server.stop();
    }
}
