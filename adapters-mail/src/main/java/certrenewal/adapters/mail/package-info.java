/**
 * The mail adapter: {@link certrenewal.application.port.out.SendMailPort} over SMTP ({@link
 * certrenewal.adapters.mail.SmtpNoticeSender}) or as {@code .eml} files ({@link
 * certrenewal.adapters.mail.EmlFileNoticeSender}), the notices' texts in Japanese and English. Built by the composition
 * root with {@code new}; no beans here.
 */
package certrenewal.adapters.mail;
