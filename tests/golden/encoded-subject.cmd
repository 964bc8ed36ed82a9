encoded-subject.eml
