import { registry } from "@web/core/registry";

const CHARTER = ".o_b2b_edo_founding_item:contains('Charter')";

registry.category("web_tour.tours").add("b2b_edo_founding_upload", {
    url: "/my/b2b/documents/founding",
    steps: () => [
        {
            content: "The charter is missing",
            trigger: `${CHARTER}[data-status='missing'] input[type='file']`,
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File(["%PDF-1.4\n%%EOF\n"], "charter.pdf", { type: "application/pdf" })
                );
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "Send it to the supplier",
            trigger: `${CHARTER} button[type='submit']`,
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "It waits for the supplier",
            trigger: ".o_b2b_edo_founding_uploaded",
        },
        {
            trigger: `${CHARTER}[data-status='waiting']`,
        },
    ],
});

registry.category("web_tour.tours").add("b2b_edo_founding_accepted", {
    url: "/my/b2b/documents/founding",
    steps: () => [
        {
            content: "The supplier accepted the charter",
            trigger: `${CHARTER}[data-status='accepted'] .o_b2b_edo_founding_status`,
        },
    ],
});
