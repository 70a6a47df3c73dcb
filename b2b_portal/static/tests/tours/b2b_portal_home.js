import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("b2b_portal_home_entities", {
    url: "/my",
    steps: () => [
        {
            content: "The buyer sees both legal entities they order for",
            trigger: ".o_b2b_entities .o_b2b_entity:contains('ООО «Альфа»')",
        },
        {
            trigger: ".o_b2b_entities .o_b2b_entity:contains('ООО «Бета»')",
        },
    ],
});
