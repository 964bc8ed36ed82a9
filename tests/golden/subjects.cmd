reply.eml no-subject.eml fake-reply.eml
