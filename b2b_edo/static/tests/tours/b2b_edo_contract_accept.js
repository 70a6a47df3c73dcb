import { registry } from "@web/core/registry";

// The buyer accepts the supply contract with the e-mailed code: the
// agreement on the simple e-signature, "I have read it", the code (the test
// fixes the generator to 246810), the signatory, and the contract accepted.
registry.category("web_tour.tours").add("b2b_edo_contract_accept", {
    steps: () => [
        {
            content: "Accept the e-signature agreement",
            trigger: ".o_b2b_agreement_form input[name=agree]",
            run: "check",
        },
        {
            trigger: ".o_b2b_agree",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Confirm having read the document",
            trigger: ".o_b2b_code_request input[name=read]",
            run: "check",
        },
        {
            content: "Ask for the code",
            trigger: ".o_b2b_send_code",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_b2b_code_sent",
        },
        {
            content: "Type the code from the e-mail",
            trigger: ".o_b2b_confirm_form input[name=code]",
            run: "edit 246810",
        },
        {
            trigger: ".o_b2b_confirm_form input[name=position]",
            run: "edit Генеральный директор",
        },
        {
            content: "Sign",
            trigger: ".o_b2b_confirm",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The contract is accepted",
            trigger: ".o_b2b_contract_accepted",
        },
    ],
});
