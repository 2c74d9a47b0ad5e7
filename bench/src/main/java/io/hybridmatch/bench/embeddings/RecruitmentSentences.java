package io.hybridmatch.bench.embeddings;

import java.util.List;

/** CV and job-offer sentences as the matcher sees them: titles, skill lists, experience lines, English and French. */
final class RecruitmentSentences {

    static final List<String> ALL = List.of(
            "Senior Java developer",
            "Backend engineer with 8 years of Java, Spring Boot, Kafka and PostgreSQL in fintech",
            "We are looking for a full-stack developer (React, TypeScript, Node.js) to join our Paris product team",
            "Développeur Java confirmé, Spring Boot, microservices, CI/CD GitLab, télétravail deux jours par semaine",
            "Data scientist: Python, pandas, scikit-learn, demand forecasting for a national retail chain",
            "Infirmière diplômée d'État, cinq ans en service de réanimation, disponible de nuit",
            "DevOps engineer — Kubernetes, Terraform, AWS, observability with Prometheus and Grafana",
            "Chef de projet SAP S/4HANA, conduite du changement, pilotage de prestataires",
            "Pastry chef with experience in a Michelin-starred restaurant",
            "Responsable commercial B2B, secteur industriel, permis B exigé, déplacements fréquents en région",
            "Mobile developer, Kotlin and Swift, published apps with over one million downloads",
            "Accountant, IFRS consolidation, month-end closing, advanced Excel, SAP FI",
            "Ingénieur QA automatisation, Selenium, Cypress, tests de charge avec Gatling",
            "Warehouse operator, forklift licence (CACES 3), morning shifts",
            "Machine learning engineer: PyTorch, model serving with ONNX Runtime, vector search with FAISS",
            "Technicien de maintenance industrielle, électromécanique, habilitation électrique BR",
            "Product owner in an agile Scrum team, backlog refinement, user stories, stakeholder demos",
            "Customer support agent, fluent English and French, Zendesk, 20 tickets per hour",
            "Architecte cloud Azure, conception de landing zones, sécurité, FinOps",
            "Junior frontend developer, HTML, CSS, JavaScript, first internship at a web agency",
            "Site reliability engineer on call for a payment platform processing 3,000 transactions per second",
            "Assistante de direction trilingue, gestion d'agenda, organisation de déplacements internationaux",
            "Embedded C developer, ARM Cortex-M, FreeRTOS, CAN bus, automotive ISO 26262",
            "Recruteur IT en cabinet, sourcing LinkedIn, entretiens techniques, suivi des candidats",
            "Registered nurse, intensive care unit, night shifts, ACLS certified",
            "Lead developer Python/Django, mentoring three juniors, code reviews, migration to Python 3.12",
            "Boulanger pâtissier, fabrication de viennoiseries, travail de nuit",
            "Business analyst, SQL, Power BI dashboards, requirements workshops with finance teams",
            "Cybersecurity analyst, SOC level 2, SIEM Splunk, incident response, ISO 27001",
            "Électricien bâtiment, lecture de plans, installation de tableaux électriques, CAP électricien",
            "Scala engineer, Akka, Spark streaming, event sourcing",
            "Graphic designer, Figma, Adobe Illustrator, brand identity for start-ups");

    private RecruitmentSentences() {
    }
}
