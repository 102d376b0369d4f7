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

/** A real SMTP server (GreenMail) on loopback, and the realm settings that make Keycloak send to it. */
final class Mailbox implements AutoCloseable {

    static final int PORT = 3025;

    record Mail(String to, String subject, String body) {
    }

    private final GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    Mailbox() {
        server.start();
    }

    /** Points the realm's e-mail at this server, with the access-keys e-mail theme and a frontend URL for links. */
    static void configure(RealmResource realm, String frontendUrl) {
        RealmRepresentation rep = realm.toRepresentation();
        Map<String, String> smtp = new HashMap<>();
        smtp.put("host", "127.0.0.1");
        smtp.put("port", Integer.toString(PORT));
        smtp.put("from", "keys@example.org");
        rep.setSmtpServer(smtp);
        rep.setEmailTheme("access-keys");
        Map<String, String> attributes = rep.getAttributes() == null ? new HashMap<>() : new HashMap<>(rep.getAttributes());
        attributes.put("frontendUrl", frontendUrl);
        rep.setAttributes(attributes);
        realm.update(rep);
    }

    List<Mail> mails() {
        return Arrays.stream(server.getReceivedMessages()).map(Mailbox::mail).toList();
    }

    List<Mail> mailsTo(String address) {
        return mails().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), text(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text/plain part (all parts joined when there are several). */
    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return part.isMimeType("text/plain") && content instanceof String string ? string : "";
    }

    @Override
    public void close() {
        server.stop();
    }
}
