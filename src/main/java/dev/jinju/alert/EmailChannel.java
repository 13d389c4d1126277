package dev.jinju.alert;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** E-mail through Quarkus Mailer (SMTP, {@code quarkus.mailer.*}): HTML and plain text. */
@ApplicationScoped
public class EmailChannel implements ChannelSender {
    private final Mailer mailer;

    public EmailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(String name, AlertsConfig.ChannelConfig ch, AlertNotification n) {
        List<String> to = ch.to().filter(l -> !l.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "channel '" + name + "' has no recipients (jinju.alerts.channels." + name + ".to)"));
        Mail mail = Mail.withHtml(to.get(0), n.title(), Messages.html(n)).setText(Messages.plainText(n));
        for (String more : to.subList(1, to.size())) {
            mail.addTo(more);
        }
        mailer.send(mail);
    }
}
